import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** `*stressed words*` or `` `a command` `` written into a string, as Slack would read it. */
const MARKUP = /(^|[^*\w])\*[^*\s](?:[^*\n]*[^*\s])?\*(?=[^*\w]|$)|`[^`\n]+`/;

/**
 * The core says emphasis and code with `em()` and `code()` (src/domain/rich-text.ts); markup typed
 * into a string would show as stars and backticks on Teams, where nothing rewrites it any more.
 */
describe("the core's words", () => {
  it("carry no Slack markup: emphasis and code are spans", () => {
    const offenders: string[] = [];
    for (const file of filesUnder("src").filter((f) => f !== join("src", "domain", "rich-text.ts"))) {
      const sf = ts.createSourceFile(
        file,
        readFileSync(join(ROOT, file), "utf8"),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node): void => {
        // A template is read with each ${…} as a word, so `*${title}*` counts as markup.
        const pieces =
          ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
            ? [node.text]
            : ts.isTemplateExpression(node)
              ? [node.head.text + node.templateSpans.map((s) => `x${s.literal.text}`).join("")]
              : [];
        const marked = pieces.find((p) => MARKUP.test(p));
        if (marked !== undefined && !ts.isImportDeclaration(node.parent)) {
          offenders.push(
            `${relative(ROOT, join(ROOT, file))}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${marked}`,
          );
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(offenders).toEqual([]);
  });
});
