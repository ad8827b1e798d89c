import * as ts from 'typescript';

/** One break of the API conventions, at `Type.member`. */
export interface ApiFinding {
  readonly where: string;
  readonly problem: string;
}

// Type names that exist in TypeScript only, or that jsii cannot give other languages in a useful shape.
const TYPESCRIPT_ONLY_REFERENCES = new Set(['Record', 'Partial', 'Required', 'Pick', 'Omit', 'Readonly', 'Promise', 'Map', 'Set', 'Function']);
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const PASCAL_CASE = /^[A-Z][a-zA-Z0-9]*$/;
const CONSTANT_CASE = /^[A-Z][A-Z0-9_]*$/;
const BEHAVIOURAL_INTERFACE = /^I[A-Z]/;
// aws-cdk-lib's `Bucket.isBucket(x: any)`: a type test takes any value.
const TYPE_TEST = /^is[A-Z]/;

/** One TypeScript program for the modules to review: each program loads aws-cdk-lib's types anew. */
export function apiProgram(entries: string[]): ts.Program {
  return ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
}

/**
 * Reviews everything a module exports the way aws-cdk-lib's conventions and jsii's languages need it:
 * documentation with `@default`, types every language has, and the construct naming patterns.
 */
export function reviewPublicApi(entry: string, program: ts.Program = apiProgram([entry])): ApiFinding[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    throw new Error(`${entry} is not a module`);
  }
  const review = new ApiReview(checker);
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    review.exportedSymbol(isAlias(exported) ? checker.getAliasedSymbol(exported) : exported);
  }
  // Overload and accessor declarations repeat a member: one finding each is enough.
  const unique = new Map(review.findings.map(f => [`${f.where}\n${f.problem}`, f]));
  return [...unique.values()];
}

/** `export * from` re-exports arrive as aliases of the declaring module's symbols. */
function isAlias(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0; // eslint-disable-line no-bitwise
}

class ApiReview {
  public readonly findings: ApiFinding[] = [];

  constructor(private readonly checker: ts.TypeChecker) {}

  public exportedSymbol(symbol: ts.Symbol): void {
    for (const declaration of symbol.declarations ?? []) {
      const name = symbol.getName();
      if (ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isEnumDeclaration(declaration)) {
        this.requireDocs(declaration, name);
        if (!PASCAL_CASE.test(name)) {
          this.report(name, 'type names are PascalCase');
        }
      }
      if (ts.isInterfaceDeclaration(declaration)) {
        this.interfaceMembers(declaration, name);
      } else if (ts.isClassDeclaration(declaration)) {
        this.classMembers(declaration, name);
      } else if (ts.isEnumDeclaration(declaration)) {
        declaration.members.forEach(member => this.requireDocs(member, `${name}.${member.name.getText()}`));
      } else if (ts.isTypeAliasDeclaration(declaration)) {
        this.report(name, 'type aliases do not exist in other jsii languages: export an interface, class or enum');
      } else if (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration)) {
        this.report(name, 'free functions and constants do not exist in other jsii languages: make it a static member of a class');
      }
    }
  }

  private interfaceMembers(declaration: ts.InterfaceDeclaration, typeName: string): void {
    for (const member of declaration.members) {
      const where = `${typeName}.${member.name?.getText() ?? '(index signature)'}`;
      if (ts.isPropertySignature(member)) {
        this.requireDocs(member, where);
        this.memberName(member.name.getText(), where);
        // A struct's optional property is one the user may leave out; a behavioural (I*) interface's may be unknown.
        if (member.questionToken && !BEHAVIOURAL_INTERFACE.test(typeName) && !this.hasTag(member, 'default')) {
          this.report(where, 'an optional property says what happens when it is left out, with @default');
        }
        if (!member.modifiers?.some(m => m.kind === ts.SyntaxKind.ReadonlyKeyword) && typeName.endsWith('Props')) {
          this.report(where, 'props are readonly');
        }
        this.requireLanguageNeutral(member.type, where);
      } else if (ts.isMethodSignature(member)) {
        this.requireDocs(member, where);
        this.method(member, where);
      } else {
        this.report(where, 'index signatures and call signatures do not exist in other jsii languages');
      }
    }
  }

  private classMembers(declaration: ts.ClassDeclaration, typeName: string): void {
    const construct = this.isConstruct(declaration);
    for (const member of declaration.members) {
      if (!this.isPublic(member)) {
        continue;
      }
      const memberName = member.name?.getText() ?? 'constructor';
      const where = `${typeName}.${memberName}`;
      if (ts.isConstructorDeclaration(member)) {
        if (construct) {
          this.constructorSignature(member, typeName);
        }
        member.parameters.forEach(p => this.requireLanguageNeutral(p.type, `${where}(${p.name.getText()})`));
        continue;
      }
      if (!this.inheritsDocs(declaration, memberName)) {
        this.requireDocs(member, where);
      }
      if (ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) {
        const isStaticConstant = member.modifiers?.some(m => m.kind === ts.SyntaxKind.StaticKeyword) && CONSTANT_CASE.test(memberName);
        if (!isStaticConstant) {
          this.memberName(memberName, where);
        }
        this.requireLanguageNeutral(member.type, where);
      } else if (ts.isMethodDeclaration(member)) {
        this.method(member, where);
        const isStatic = member.modifiers?.some(m => m.kind === ts.SyntaxKind.StaticKeyword);
        const returned = member.type?.getText() ?? '';
        if (construct && isStatic && /^from[A-Z]/.test(memberName) && !/^I[A-Z]/.test(returned)) {
          this.report(where, `an importer returns the construct's interface (I${typeName}), not ${returned || 'an inferred type'}`);
        }
      }
    }
  }

  private method(member: ts.MethodSignature | ts.MethodDeclaration, where: string): void {
    const name = member.name.getText();
    this.memberName(name, where);
    if (!TYPE_TEST.test(name)) {
      member.parameters.forEach(p => this.requireLanguageNeutral(p.type, `${where}(${p.name.getText()})`));
    }
    this.requireLanguageNeutral(member.type, where);
    if (/^grant[A-Z]?/.test(name) && !/^(iam\.)?Grant$/.test(member.type?.getText() ?? '')) {
      this.report(where, 'grant methods return iam.Grant, as aws-cdk-lib\'s do');
    }
    if (/^get[A-Z]/.test(name) && member.parameters.length === 0) {
      this.report(where, 'a getter without arguments is a property in aws-cdk-lib\'s style');
    }
  }

  /** aws-cdk-lib constructs take (scope, id, props) with props named after the class. */
  private constructorSignature(member: ts.ConstructorDeclaration, typeName: string): void {
    const [scope, id, props, ...rest] = member.parameters;
    const ok = scope?.type?.getText() === 'Construct' && id?.type?.getText() === 'string'
      && props?.type?.getText() === `${typeName}Props` && rest.length === 0;
    if (!ok) {
      this.report(`${typeName}.constructor`, `a construct takes (scope: Construct, id: string, props: ${typeName}Props)`);
    }
  }

  private memberName(name: string, where: string): void {
    if (!CAMEL_CASE.test(name)) {
      this.report(where, 'member names are camelCase');
    }
  }

  /** Fails on types jsii cannot give Python and Java users, or gives them only as an untyped Object. */
  private requireLanguageNeutral(node: ts.TypeNode | undefined, where: string): void {
    if (!node) {
      return;
    }
    const visit = (type: ts.TypeNode): void => {
      if (ts.isUnionTypeNode(type)) {
        const defined = type.types.filter(t => t.kind !== ts.SyntaxKind.UndefinedKeyword);
        if (defined.length > 1) {
          this.report(where, `union type ${type.getText()}: Python and Java see an untyped object; use a class with static factories`);
        }
        defined.forEach(visit);
      } else if (type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword) {
        this.report(where, `${type.getText()} loses the type in every language`);
      } else if (ts.isIntersectionTypeNode(type) || ts.isTupleTypeNode(type) || ts.isFunctionTypeNode(type)
        || ts.isTypeLiteralNode(type) || ts.isMappedTypeNode(type) || ts.isConditionalTypeNode(type) || ts.isLiteralTypeNode(type)) {
        this.report(where, `${type.getText()} is a TypeScript-only type`);
      } else if (ts.isArrayTypeNode(type)) {
        visit(type.elementType);
      } else if (ts.isTypeReferenceNode(type)) {
        const name = type.typeName.getText();
        if (TYPESCRIPT_ONLY_REFERENCES.has(name)) {
          this.report(where, `${type.getText()} is a TypeScript-only type`);
        }
        type.typeArguments?.forEach(visit);
      }
    };
    visit(node);
  }

  /** jsii gives an override or an interface implementation the documentation of the member it implements. */
  private inheritsDocs(declaration: ts.ClassDeclaration, memberName: string): boolean {
    const classType = this.checker.getTypeAtLocation(declaration) as ts.InterfaceType;
    const implemented = (declaration.heritageClauses ?? [])
      .filter(clause => clause.token === ts.SyntaxKind.ImplementsKeyword)
      .flatMap(clause => clause.types.map(t => this.checker.getTypeAtLocation(t)));
    return [...this.checker.getBaseTypes(classType), ...implemented].some(base => {
      const inherited = base.getProperty(memberName);
      return inherited !== undefined && inherited.getDocumentationComment(this.checker).length > 0;
    });
  }

  private isConstruct(declaration: ts.ClassDeclaration): boolean {
    let type: ts.Type | undefined = this.checker.getTypeAtLocation(declaration);
    while (type) {
      if (type.getSymbol()?.getName() === 'Construct') {
        return true;
      }
      type = this.checker.getBaseTypes(type as ts.InterfaceType)[0];
    }
    return false;
  }

  private isPublic(member: ts.ClassElement): boolean {
    if (ts.isClassStaticBlockDeclaration(member) || ts.isSemicolonClassElement(member) || ts.isIndexSignatureDeclaration(member)) {
      return false;
    }
    const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
    const hidden = modifiers.some(m => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
    return !hidden && !(member.name && ts.isPrivateIdentifier(member.name)) && !this.hasTag(member, 'internal');
  }

  private requireDocs(node: ts.Node, where: string): void {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    if (!docs.some(doc => typeof doc.comment === 'string' ? doc.comment.trim() !== '' : (doc.comment?.length ?? 0) > 0)) {
      this.report(where, 'public API has a documentation comment');
    }
  }

  private hasTag(node: ts.Node, tag: string): boolean {
    return ts.getJSDocTags(node).some(t => t.tagName.getText() === tag);
  }

  private report(where: string, problem: string): void {
    this.findings.push({ where, problem });
  }
}
