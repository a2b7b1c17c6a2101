import type { Block, ClippingDocument, DossierHeader, ParseProblem, Separator, TableOfContents, TextPosition } from './model';
import type { ParsedArticle } from './article';
import { partition } from './blocks';
import { lineAt, type LineTable } from './lines';
import { collectProblems } from './problems';
import { matchTocEntries } from './tocMatching';

/**
 * The parse result. What parsing found directly is stored; what can be derived from it —
 * the blocks, the contents matching, and the problems (which need every article's details)
 * — is worked out the first time it is asked for, once.
 */
export class ParsedDocument implements ClippingDocument {
  private derivedBlocks: Block[] | undefined;
  private matches: (number | undefined)[] | undefined;
  private foundProblems: ParseProblem[] | undefined;

  constructor(
    readonly length: number,
    /** The lines of the parsed text: the next version's are made from them (rescanLines). */
    readonly lines: LineTable,
    readonly header: DossierHeader | undefined,
    readonly toc: TableOfContents | undefined,
    readonly articles: readonly ParsedArticle[],
    readonly separators: readonly Separator[],
  ) {}

  get lineCount(): number {
    return this.lines.count;
  }

  get blocks(): readonly Block[] {
    return (this.derivedBlocks ??= partition(this.length, [
      { kind: 'header', spans: this.header ? [this.header] : [] },
      { kind: 'toc', spans: this.toc ? [this.toc] : [] },
      { kind: 'article', spans: this.articles },
      { kind: 'separator', spans: this.separators },
    ]));
  }

  get tocMatches(): readonly (number | undefined)[] {
    return (this.matches ??= this.toc ? matchTocEntries(this.toc.entries.map((entry) => entry.title.text), this.articles.map((article) => article.normalizedTitles)) : []);
  }

  get problems(): readonly ParseProblem[] {
    return (this.foundProblems ??= collectProblems(this.header, this.toc, this.articles, this.tocMatches));
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = lineAt(this.lines, clamped);
    return { line, character: clamped - this.lines.starts[line] };
  }

  /** Every field as plain data, the derived ones included: what JSON.stringify and logs see. */
  toJSON(): Omit<ClippingDocument, 'positionAt'> {
    const { length, lineCount, header, toc, articles, separators, blocks, tocMatches, problems } = this;
    return { length, lineCount, header, toc, articles, separators, blocks, tocMatches, problems };
  }
}
