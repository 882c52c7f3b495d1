/**
 * The wiki's search box in the navbar (the classic theme has none of its own): German
 * full-text search over the index that src/search/plugin.ts writes at build time.
 *
 * The search engine (lunr + German stemmer) is loaded only when the box is first focused
 * or typed into, and fetches the index from the site's own origin under its base URL.
 * Keyboard: Strg+K or „/“ focuses the box; ↓/↑ move through the results; Enter opens the
 * selected (or first) result; Esc closes the list, a second Esc empties the box.
 */
import Link from '@docusaurus/Link';
import { useHistory } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import clsx from 'clsx';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchEngine, SearchResult } from '../../search/engine';
import styles from './styles.module.css';

const LIMIT = 20;

/** One engine per base URL for the whole visit: the loaded index survives page changes. */
const engines = new Map<string, Promise<SearchEngine>>();

function engineFor(baseUrl: string): Promise<SearchEngine> {
  let engine = engines.get(baseUrl);
  if (!engine) {
    engine = import('../../search/engine').then(({ SearchEngine: Engine }) => new Engine(baseUrl));
    engines.set(baseUrl, engine);
  }
  return engine;
}

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

function statusText(query: string, result: SearchResult | undefined, engine: SearchEngine | undefined): string {
  if (engine?.error) {
    return 'Die Suche ist nicht verfügbar: Der Suchindex fehlt. Er entsteht beim Bauen der Seite (npm run build).';
  }
  if (!query.trim()) return '';
  if (!result || result.totalShards === 0) return 'Suchindex wird geladen …';
  const loading = result.searchedShards < result.totalShards ? ' (Suchindex wird noch geladen …)' : '';
  if (result.total === 0) return `Keine Treffer für „${query.trim()}“${loading}`;
  const more = result.total > result.hits.length ? `, die ersten ${result.hits.length} werden angezeigt` : '';
  return `${result.total} Treffer${more}${loading}`;
}

export default function SearchBar(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const history = useHistory();
  const id = useId();
  const listId = `${id}-treffer`;
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [engine, setEngine] = useState<SearchEngine>();
  const [version, setVersion] = useState(0);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [result, setResult] = useState<SearchResult>();

  const start = useCallback(() => {
    if (engine) return;
    void engineFor(siteConfig.baseUrl).then((loaded) => {
      setEngine(loaded);
      void loaded.load();
    });
  }, [engine, siteConfig.baseUrl]);

  // Every shard that arrives makes the current query worth asking again.
  useEffect(() => engine?.subscribe(() => setVersion((v) => v + 1)), [engine]);

  useEffect(() => {
    if (!engine || !query.trim()) {
      setResult(undefined);
      return;
    }
    setResult(engine.search(query, LIMIT));
    setActive(-1);
  }, [engine, query, version]);

  // Strg+K / ⌘K anywhere, „/“ outside text fields: focus the search box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
      if (shortcut || (event.key === '/' && !isTypingTarget(event.target))) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A click outside closes the list.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, []);

  const hits = result?.hits ?? [];
  const status = statusText(query, result, engine);
  const showList = open && (query.trim() !== '' || !!engine?.error);

  const go = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setOpen(false);
    inputRef.current?.blur();
    history.push(hit.url);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length === 0 ? -1 : (a + 1) % hits.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length === 0 ? -1 : a <= 0 ? hits.length - 1 : a - 1));
    } else if (event.key === 'Enter') {
      if (hits.length > 0) {
        event.preventDefault();
        go(active >= 0 ? active : 0);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (showList) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className={styles.search} ref={rootRef} role="search">
      <input
        ref={inputRef}
        className={styles.input}
        type="search"
        role="combobox"
        aria-label="Wiki durchsuchen"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="Control+K /"
        placeholder="Suchen"
        title="Wiki durchsuchen (Strg+K)"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onFocus={() => {
          start();
          setOpen(true);
        }}
        onChange={(event) => {
          start();
          setQuery(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <div className={clsx(styles.panel, !showList && styles.hidden)}>
        <ul id={listId} role="listbox" aria-label="Suchtreffer" className={styles.list}>
          {hits.map((hit, index) => (
            // The link itself is the option (the item only lays it out): an option may not
            // contain another interactive element (axe nested-interactive).
            <li key={hit.url} role="none" className={clsx(styles.hit, index === active && styles.active)} onPointerEnter={() => setActive(index)}>
              <Link
                to={hit.url}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                className={styles.link}
                onClick={() => setOpen(false)}>
                <span className={styles.title}>{hit.title}</span>
                <span className={styles.meta}>
                  <span className={styles.type}>{hit.typeLabel}</span>
                  {hit.departmentTitle && <span className={styles.department}>{hit.departmentTitle}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <p className={styles.status} role="status" aria-live="polite">
          {showList ? status : ''}
        </p>
      </div>
    </div>
  );
}
