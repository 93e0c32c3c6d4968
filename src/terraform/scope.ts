import type { Value } from "../core/value.js";

/** Names bound by for expressions, template for directives, `each`, `count` and dynamic blocks. */
export class Scope {
  constructor(
    private readonly vars: ReadonlyMap<string, Value> = new Map(),
    private readonly parent?: Scope,
  ) {}

  get(name: string): Value | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  with(bindings: Record<string, Value>): Scope {
    return new Scope(new Map(Object.entries(bindings)), this);
  }
}

export const EMPTY_SCOPE = new Scope();
