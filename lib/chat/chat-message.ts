/** One message of a chat request: what the playground sends and what its code snippets repeat. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}
