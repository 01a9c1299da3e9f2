import { redirect } from "next/navigation";

/** `/models/<org>/<model>` is a shareable alias of the catalog with that model's details open. */
export default async function ModelPage({ params }: { params: Promise<{ id: string[] }> }) {
  const { id } = await params;
  const hubId = id
    .map(decodeURIComponent)
    .join("/")
    .replace(/^huggingface\//, "");
  redirect(`/?model=${encodeURIComponent(hubId).replace(/%2F/g, "/")}`);
}
