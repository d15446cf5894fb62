/** Every permission a module offers, `<module>.<action>`, with the description shown in the role editor. */
export interface PermissionDefinition {
  key: string;
  description: string;
}

export class PermissionCatalog {
  readonly #permissions = new Map<string, PermissionDefinition>();

  define(definitions: PermissionDefinition[]): void {
    for (const definition of definitions) {
      if (!/^[a-z]+\.[a-z][a-z-]*$/.test(definition.key)) {
        throw new Error(`Permission ${definition.key} must look like <module>.<action>`);
      }
      this.#permissions.set(definition.key, definition);
    }
  }

  has(key: string): boolean {
    return this.#permissions.has(key);
  }

  list(): PermissionDefinition[] {
    return [...this.#permissions.values()].sort((a, b) => a.key.localeCompare(b.key));
  }
}
