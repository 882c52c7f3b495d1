import { recolour } from './accessibility-style';

/**
 * WCAG 2.1 AA (BITV NRW) for Decap's own page, where Decap 3.16 falls short and its
 * configuration offers nothing: darker shades of its failing colours (accessibility-style.ts), the German
 * texts Decap's German locale lacks (names read out by screen readers), and small repairs of
 * the page (names, roles) kept up by a MutationObserver as Decap re-renders. Each repair names
 * the axe rule it fixes and changes only what is missing; test/e2e/editor-accessibility.e2e.test.ts
 * runs axe on every page of the editor.
 */

/**
 * Texts of Decap's English locale that decap-cms-locales' German one lacks; without them a
 * German page reads out English names („List view option“, „Set reviewed to now“ …). Left
 * out: `editor.editorControl.field.widgetLabel` („text field“, on a plain div that
 * assistive technology does not read; tests select the article's text field by it).
 */
const MISSING_GERMAN = {
  collection: {
    collectionTop: { viewAsList: 'Als Liste anzeigen', viewAsGrid: 'Als Kacheln anzeigen' },
    entries: { unpublishedHeader: 'Unveröffentlichte Beiträge' },
  },
  editor: {
    editorInterface: { toggleNotes: 'Notizen ein- oder ausblenden' },
    editorNotesPane: {
      title: 'Notizen',
      emptyState: 'Noch keine Notizen. Fügen Sie unten die erste hinzu.',
      addNote: 'Notiz hinzufügen',
      addPlaceholder: 'Notiz schreiben …',
      editPlaceholder: 'Notiz bearbeiten …',
      save: 'Speichern',
      cancel: 'Abbrechen',
      edit: 'Bearbeiten',
      delete: 'Löschen',
      resolve: 'Als erledigt markieren',
      unresolve: 'Wieder öffnen',
      confirmDelete: 'Soll diese Notiz wirklich gelöscht werden?',
      shortcut: 'Tipp: Mit Strg+Eingabe fügen Sie die Notiz schnell hinzu.',
    },
    editorWidgets: {
      image: { chooseMultiple: 'Bilder wählen', addMore: 'Weitere Bilder hinzufügen', removeAll: 'Alle Bilder entfernen' },
      file: { chooseMultiple: 'Dateien wählen', addMore: 'Weitere Dateien hinzufügen', removeAll: 'Alle Dateien entfernen' },
      datetime: { setToNow: '%{fieldLabel} auf jetzt setzen' },
      object: { expand: 'Aufklappen', collapse: 'Zuklappen' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Schließen' } },
  ui: {
    settingsDropdown: { account: 'Konto-Menü' },
    toast: {
      noteAdded: 'Notiz hinzugefügt',
      onFailToAddNote: 'Notiz konnte nicht hinzugefügt werden: %{details}',
      noteUpdated: 'Notiz geändert',
      onFailToUpdateNote: 'Notiz konnte nicht geändert werden: %{details}',
      noteDeleted: 'Notiz gelöscht',
      onFailToDeleteNote: 'Notiz konnte nicht gelöscht werden: %{details}',
      noteResolved: 'Notiz erledigt',
      noteReopened: 'Notiz wieder geöffnet',
      onFailToToggleNote: 'Status der Notiz konnte nicht geändert werden: %{details}',
    },
  },
};

type Texts = { [key: string]: string | Texts };

/** `texts` with what it lacks taken from `extra` (its own texts win). */
function withMissing(texts: Texts, extra: Texts): Texts {
  const merged: Texts = { ...texts };
  for (const [key, value] of Object.entries(extra)) {
    const own = merged[key];
    if (own === undefined) merged[key] = value;
    else if (typeof own === 'object' && typeof value === 'object') merged[key] = withMissing(own, value);
  }
  return merged;
}

/** Decap's German texts completed by the ones it lacks. */
export function withGermanAccessibleTexts<T extends object>(locale: T): T {
  return withMissing(locale as Texts, MISSING_GERMAN) as T;
}

/** What a screen reader says about a list entry's drag handle. */
const DRAG_HINT = 'Mit der Maus an eine andere Stelle der Liste ziehen. Mit der Tastatur: Einträge entfernen und in der gewünschten Reihenfolge neu hinzufügen.';

/** The label of the form field `element` belongs to: the nearest label around it. */
function fieldLabel(element: Element): HTMLLabelElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const label = node.querySelector('label');
    if (label) return label;
  }
  return undefined;
}

const text = (element: Element | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function nameIfUnnamed(element: Element, name: string): void {
  if (!element.hasAttribute('aria-label') && !element.hasAttribute('aria-labelledby') && name !== '') element.setAttribute('aria-label', name);
}

const each = (root: ParentNode, selector: string, repair: (element: Element) => void) => root.querySelectorAll(selector).forEach(repair);

/** The repairs, in the order they run on each change of the page. */
const REPAIRS: Array<(root: ParentNode) => void> = [
  // frame-title: Decap's preview iframe has no title (the frame's own document title is not its name).
  (root) => each(root, 'iframe#preview-pane:not([title])', (frame) => frame.setAttribute('title', 'Vorschau und Hinweise vor dem Speichern')),
  // button-name: the icon buttons on top of each list entry (collapse first, remove last);
  // aria-command-name: the entry's drag handle (dnd-kit, role=button).
  (root) => each(root, '[class*="-StyledListItemTopBar"] > button:first-child', (button) => nameIfUnnamed(button, 'Eintrag auf- oder zuklappen')),
  (root) => each(root, '[class*="-StyledListItemTopBar"] > button:last-child', (button) => nameIfUnnamed(button, 'Eintrag entfernen')),
  // The handle works only with mouse or touch (Decap gives dnd-kit no keyboard sensor): it says
  // so, leaves the tab order, and dnd-kit's English instructions for the keyboard are replaced.
  (root) =>
    each(root, '[aria-roledescription="sortable"][role="button"]', (handle) => {
      nameIfUnnamed(handle, 'Eintrag verschieben (mit der Maus ziehen)');
      if (handle.getAttribute('tabindex') !== '-1') handle.setAttribute('tabindex', '-1');
    }),
  (root) =>
    each(root, '[id^="DndDescribedBy-"]', (hint) => {
      if (hint.textContent !== DRAG_HINT) hint.textContent = DRAG_HINT;
    }),
  // WCAG 3.1.2 (axe does not test it): dnd-kit announces drags in English; say which language.
  (root) => each(root, '[id^="DndLiveRegion-"]:not([lang])', (region) => region.setAttribute('lang', 'en')),
  // label-content-name-mismatch: the date fields' „Jetzt“ is named „Set reviewed to now“ (the
  // field's key, in English); name it by its text and the field's label.
  (root) =>
    each(root, 'button[data-testid="now-button"], button[data-testid="clear-button"]', (button) => {
      const name = `${text(button)}: ${text(fieldLabel(button))}`;
      if (button.getAttribute('aria-label') !== name) button.setAttribute('aria-label', name);
    }),
  // aria-required-parent, aria-input-field-name: the relation picker's menu (a react-window list
  // instead of react-select's own) holds role=option without a listbox; named after the field
  // („Vorschläge: …“, so that the field's label still names only the field's input).
  (root) =>
    each(root, '[class*="-menu"] > div:not([role])', (list) => {
      if (!list.querySelector('[role="option"]')) return;
      list.setAttribute('role', 'listbox');
      list.setAttribute('aria-label', `Vorschläge: ${text(fieldLabel(list))}`);
    }),
  // aria-required-children, aria-required-parent, list: Decap's menus („Sortieren nach“,
  // „Veröffentlichen“) put a <ul> between role=menu and its role=menuitem entries.
  (root) => each(root, '[role="menu"] > ul:not([role])', (list) => list.setAttribute('role', 'none')),
  // nested-interactive: Decap's menu buttons (its Dropdown, react-aria-menubutton, role=button)
  // may wrap a second button; the inner one leaves the focus order and hit testing (inert, clicks reach the
  // menu button) and lends its title as the menu button's name.
  (root) =>
    each(root, '[role="button"][aria-haspopup] button:not([inert])', (inner) => {
      const menu = inner.closest('[role="button"][aria-haspopup]')!;
      nameIfUnnamed(menu, inner.getAttribute('title') ?? text(inner));
      inner.setAttribute('inert', '');
    }),
];

function repair(root: ParentNode): void {
  for (const fix of REPAIRS) fix(root);
}

/**
 * Emotion (Decap's and react-select's styles) inserts each rule with `insertRule` into its own
 * `<style data-emotion>` elements (production build, no text in them): those rules get the
 * darker colours. Every other style sheet of the page is left as it is.
 */
function recolourEmotion(win: Window): void {
  const proto = (win as Window & typeof globalThis).CSSStyleSheet.prototype;
  const insertRule = proto.insertRule;
  proto.insertRule = function insertRecoloured(this: CSSStyleSheet, rule: string, index?: number): number {
    const owner = this.ownerNode;
    const emotion = owner instanceof HTMLStyleElement && owner.hasAttribute('data-emotion');
    return insertRule.call(this, emotion ? recolour(rule) : rule, index);
  };
}

/**
 * Gives Decap's page the darker colours and keeps the repairs applied while Decap renders.
 * Call before `CMS.init`, before emotion inserts its first rule.
 */
export function installAccessibility(doc: Document = document): void {
  recolourEmotion(doc.defaultView ?? window);
  const observer = new MutationObserver(() => repair(doc));
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-checked', 'aria-label', 'tabindex'] });
  repair(doc);
}
