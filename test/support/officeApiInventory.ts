/**
 * An inventory of the Office.js members a set of source files uses, with the
 * requirement set each needs and the guard in front of it, read with the
 * TypeScript compiler (the same types the code is checked against):
 *
 *   const uses = officeApiUses(files);          // every property access / call resolving into @types/office-js
 *   uses[0] → { file, line, member: "Range.getSpillingToRangeOrNullObject",
 *               set: { name: "ExcelApi", version: "1.12" }, guard: { name: "ExcelApi", version: "1.12" } | null }
 *
 * The set comes from the member's JSDoc: `[Api set: ExcelApi 1.12]`, or for
 * the common APIs `**Requirement set**: {@link … | Settings}` (version 1.1).
 * A member without either (load, sync, items, isNullObject …) needs nothing.
 *
 * A guard is an `isSetSupported(set, version)` check the use sits behind:
 * the then-branch of an `if` (or the true branch of `?:`) whose condition is
 * that call — directly, through a function of the analysed files whose body
 * returns it, or as one operand of `&&` — or a preceding
 * `if (!check) return | throw` in an enclosing block. Arguments are read as
 * literal types, so `WRITER_REQUIREMENT.set` of an `as const` object works.
 */
import path from "path";
import ts from "typescript";

export interface RequirementSet {
  name: string;
  version: string;
}

export interface OfficeApiUse {
  file: string;
  line: number;
  /** Interface and member, e.g. "Worksheet.pageLayout". */
  member: string;
  /** null: no annotation (needs nothing beyond the host). */
  set: RequirementSet | null;
  /** The strongest isSetSupported check this use sits behind, for the same set name. */
  guards: RequirementSet[];
}

const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}index.d.ts`;

/** "1.12" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options, noEmit: true };
}

function requirementOf(decl: ts.Declaration): RequirementSet | null {
  const text = decl.getSourceFile().text;
  const comments = (ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join("\n");
  const api = /\[\s*Api set:\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*\]/.exec(comments);
  if (api) return { name: api[1]!, version: api[2]! };
  const common = /\*\*Requirement set\*\*:\s*\{@link [^|}]*\|\s*([A-Za-z]+)\s*(\d+(?:\.\d+)*)?\s*\}/.exec(comments);
  if (common) return { name: common[1]!, version: common[2] ?? "1.1" };
  return null;
}

function memberName(decl: ts.Declaration, name: string): string {
  const parent = decl.parent;
  const owner = parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) && parent.name ? parent.name.text : "?";
  return `${owner}.${name}`;
}

export interface AnalyseOptions {
  /** Repository root (tsconfig.json); default: two levels above this file. */
  root?: string;
  /** In-memory files (absolute path → text), analysed as if on disk. */
  virtualFiles?: Record<string, string>;
}

export function officeApiUses(files: readonly string[], options: AnalyseOptions = {}): OfficeApiUse[] {
  const root = options.root ?? path.resolve(__dirname, "..", "..");
  const compilerOpts = compilerOptions(root);
  const host = ts.createCompilerHost(compilerOpts);
  const virtual = options.virtualFiles ?? {};
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name in virtual ? ts.createSourceFile(name, virtual[name]!, lang) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in virtual || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual[name] ?? readFile(name);
  const program = ts.createProgram([...files], compilerOpts, host);
  const checker = program.getTypeChecker();

  const literal = (node: ts.Expression): string | null => {
    if (ts.isStringLiteralLike(node)) return node.text;
    const type = checker.getTypeAtLocation(node);
    return type.isStringLiteral() ? type.value : null;
  };

  /** The set an expression checks: isSetSupported("X", "1.n") or a call of a function returning it. */
  const checked = (expr: ts.Expression, depth = 0): RequirementSet | null => {
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (!ts.isCallExpression(expr) || depth > 3) return null;
    const callee = expr.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "isSetSupported" && expr.arguments.length >= 2) {
      const name = literal(expr.arguments[0]!);
      const version = literal(expr.arguments[1]!);
      return name && version ? { name, version } : null;
    }
    const decl = checker.getResolvedSignature(expr)?.declaration;
    if (decl && (ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) && decl.body) {
      if (!ts.isBlock(decl.body)) return checked(decl.body, depth + 1);
      const statements = decl.body.statements;
      const last = statements[statements.length - 1];
      if (statements.length === 1 && last && ts.isReturnStatement(last) && last.expression) return checked(last.expression, depth + 1);
    }
    return null;
  };

  /** Sets a condition establishes when true (operands of &&). */
  const whenTrue = (expr: ts.Expression): RequirementSet[] => {
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...whenTrue(expr.left), ...whenTrue(expr.right)];
    }
    const set = checked(expr);
    return set ? [set] : [];
  };

  /** Sets a condition establishes when false: !check, or !a || !b. */
  const whenFalse = (expr: ts.Expression): RequirementSet[] => {
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return whenTrue(expr.operand);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...whenFalse(expr.left), ...whenFalse(expr.right)];
    return [];
  };

  const exits = (stmt: ts.Statement): boolean => {
    if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
    if (ts.isBlock(stmt)) {
      const last = stmt.statements[stmt.statements.length - 1];
      return !!last && exits(last);
    }
    return false;
  };

  const guardsOf = (node: ts.Node): RequirementSet[] => {
    const out: RequirementSet[] = [];
    let child: ts.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && child === parent.thenStatement) out.push(...whenTrue(parent.expression));
      if (ts.isIfStatement(parent) && child === parent.elseStatement) out.push(...whenFalse(parent.expression));
      if (ts.isConditionalExpression(parent) && child === parent.whenTrue) out.push(...whenTrue(parent.condition));
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) {
        out.push(...whenTrue(parent.left));
      }
      if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        for (const stmt of parent.statements) {
          if (stmt === child) break;
          if (ts.isIfStatement(stmt) && !stmt.elseStatement && exits(stmt.thenStatement)) out.push(...whenFalse(stmt.expression));
        }
      }
    }
    return out;
  };

  const uses: OfficeApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        let decl: ts.Declaration | undefined = symbol?.declarations?.[0];
        if (ts.isCallExpression(node.parent) && node.parent.expression === node) {
          decl = (checker.getResolvedSignature(node.parent)?.declaration as ts.Declaration | undefined) ?? decl;
        }
        if (decl && decl.getSourceFile().fileName.split("/").join(path.sep).endsWith(OFFICE_TYPES)) {
          uses.push({
            file: path.relative(root, file).split(path.sep).join("/"),
            line: source.getLineAndCharacterOfPosition(node.name.getStart()).line + 1,
            member: memberName(decl, node.name.text),
            set: requirementOf(decl),
            guards: guardsOf(node),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The strongest guard for a set name among a use's guards, or null. */
export function guardFor(use: OfficeApiUse, name: string): string | null {
  const versions = use.guards.filter((g) => g.name === name).map((g) => g.version);
  return versions.length === 0 ? null : versions.sort(compareVersions)[versions.length - 1]!;
}

/** Minimum versions the manifest's <Requirements><Sets> declares: set name → version. */
export function manifestMinimums(manifestXml: string): Map<string, string> {
  const sets = /<Requirements>\s*<Sets([^>]*)>([\s\S]*?)<\/Sets>/.exec(manifestXml);
  const out = new Map<string, string>();
  if (!sets) return out;
  const defaultMin = /DefaultMinVersion="([^"]+)"/.exec(sets[1]!)?.[1] ?? "1.1";
  for (const m of sets[2]!.matchAll(/<Set\s+Name="([^"]+)"(?:\s+MinVersion="([^"]+)")?\s*\/>/g)) out.set(m[1]!, m[2] ?? defaultMin);
  return out;
}
