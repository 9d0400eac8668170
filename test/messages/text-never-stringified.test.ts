import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Neutral text is data, so an untagged template or a `+` would quietly turn it into
 * "[object Object]" where TypeScript sees nothing wrong. Its own checker finds every such place.
 */
describe("neutral text", () => {
  it("is never pasted into a plain string: rich`…` and joinText() keep its spans", () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    if (!config) throw new Error("tsconfig.json could not be read");
    const files = config.fileNames.filter((f) => /^(src|adapters)\//.test(relative(ROOT, f)));
    const program = ts.createProgram(files, config.options);
    const checker = program.getTypeChecker();
    const isText = (node: ts.Node) =>
      /\b(Span|Text|TextPart)\b/.test(checker.typeToString(checker.getTypeAtLocation(node)));
    const offenders: string[] = [];
    for (const sf of program.getSourceFiles()) {
      const file = relative(ROOT, sf.fileName);
      if (!/^(src|adapters)\//.test(file)) continue;
      const visit = (node: ts.Node): void => {
        const at = () => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)) {
          for (const span of node.templateSpans)
            if (isText(span.expression)) offenders.push(`${at()} \${${span.expression.getText()}}`);
        }
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
          if (isText(node.left) || isText(node.right)) offenders.push(`${at()} ${node.getText()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(offenders).toEqual([]);
  }, 60_000);
});
