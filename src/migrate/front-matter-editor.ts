import { normaliseText, parseFrontMatter, type YamlProblem } from '../core/frontmatter';
import { YamlLines } from '../authoring/yaml-lines';

/**
 * What a migration step may do to one article: read its front matter and change single
 * field lines. Every other byte of the file (other keys, comments, quoting, the body, BOM,
 * line endings) stays as it is. Each change is recorded as a German sentence.
 */
export class FrontMatterEditor {
  /** The parsed front matter (as before this step's edits). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly changes: string[] = [];
  readonly problems: YamlProblem[] = [];
  private readonly lines: YamlLines;
  private readonly keyLines: Map<string, number>;
  private readonly endLine: number;

  /** Use `FrontMatterEditor.open`: it reports unusable front matter instead. */
  private constructor(text: string, data: Record<string, unknown>, keyLines: Map<string, number>, endLine: number) {
    this.lines = new YamlLines(text);
    this.data = data;
    this.keyLines = keyLines;
    this.endLine = endLine;
  }

  /** An editor for a file's text, or the problems that make its front matter unusable. */
  static open(text: string): FrontMatterEditor | { problems: YamlProblem[] } {
    const fm = parseFrontMatter(normaliseText(text));
    if (!fm.data) return { problems: fm.problems };
    return new FrontMatterEditor(text, fm.data, fm.keyLines, fm.endLine);
  }

  /** The article type (`type`), when it is text. */
  get type(): string | undefined {
    return typeof this.data.type === 'string' ? this.data.type : undefined;
  }

  /** 1-based file line of a top-level key. */
  lineOf(key: string): number | undefined {
    return this.keyLines.get(`/${key}`);
  }

  /** Renames a top-level key (its value stays). Nothing happens when the key is absent. */
  renameKey(key: string, to: string): void {
    const line = this.lineOf(key);
    if (line === undefined) return;
    if (Object.hasOwn(this.data, to)) return this.problem(line, `„${key}“ soll „${to}“ heißen, aber „${to}“ steht schon im Front Matter (Zeile ${this.lineOf(to)}) – eines von beiden zusammenführen und löschen.`);
    if (!this.lines.renameKey(line, key, to)) return this.problem(line, `„${key}“ lässt sich hier nicht umbenennen – bitte von Hand in „${to}“ ändern.`);
    this.changes.push(`Zeile ${line}: „${key}“ heißt jetzt „${to}“`);
  }

  /** Sets a top-level key to a one-line value; adds the key as the last one when missing. */
  setValue(key: string, value: string): void {
    const line = this.lineOf(key);
    if (line === undefined) {
      this.lines.insertLine(this.endLine, `${key}: ${value}`);
      this.changes.push(`Zeile ${this.endLine}: „${key}: ${value}“ ergänzt`);
      return;
    }
    if (!this.lines.setValue(line, key, value)) return this.problem(line, `„${key}“ ist kein einzeiliger Wert und lässt sich nicht auf „${value}“ setzen – bitte von Hand ändern.`);
    this.changes.push(`Zeile ${line}: „${key}“ ist jetzt „${value}“`);
  }

  /** Reports a problem that stops the whole migration (nothing is written). */
  problem(line: number, message: string): void {
    this.problems.push({ line, column: 1, message });
  }

  toString(): string {
    return this.lines.toString();
  }
}
