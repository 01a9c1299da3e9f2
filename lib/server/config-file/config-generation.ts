import "server-only";

// On globalThis: the writer, the watcher and the caches may sit in different route bundles.
const KEY = Symbol.for("hf-model-picker.config-generation");
const holder = globalThis as { [KEY]?: number };

/**
 * A counter that moves whenever this process knows the config file changed: after each write of
 * the dashboard (save, restore) and each change the config watcher saw (editor, CLI). Caches of
 * what the file says (fileMemo) take it as part of their key, beside the file's stat: a stat alone
 * can miss a same-size rewrite within one timestamp tick, or a rename that reuses the inode number.
 */
export function configGeneration(): number {
  return holder[KEY] ?? 0;
}

export function bumpConfigGeneration(): void {
  holder[KEY] = configGeneration() + 1;
}
