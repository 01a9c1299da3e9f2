export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmCatalog } = await import("@/lib/server/catalog/catalog-service");
  void warmCatalog();
}
