"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createProvider = void 0;
const BASES = {
    openai: "https://api.openai.example.com/v1",
    anthropic: "https://api.anthropic.example.com/v1",
    gemini: "https://generativelanguage.example.com/v1beta",
};
function createProvider(name, { apiKey, baseURL, fetch: f = globalThis.fetch } = {}) {
    const base = baseURL || BASES[name];
    if (!base) throw new Error(`unknown provider ${name}`);
    return {
        async *stream({ model, messages, maxTokens = 1024 }) {
            const res = await f(`${base}/chat/completions`, {
                method: "POST",
                headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
                body: JSON.stringify({ model, messages, max_tokens: maxTokens, stream: true }),
            });
            const reader = res.body.getReader();
            const dec = new TextDecoder();
            let buf = "";
            for (;;) {
                const { value, done } = await reader.read();
                if (done) break;
                buf += dec.decode(value, { stream: true });
                let i;
                while ((i = buf.indexOf("\n\n")) >= 0) {
                    const chunk = buf.slice(0, i); buf = buf.slice(i + 2);
                    const line = chunk.replace(/^data: /, "");
                    if (line === "[DONE]") return;
                    try { const j = JSON.parse(line); const d = j.choices?.[0]?.delta?.content; if (d) yield d; } catch (e) { }
                }
            }
        },
    };
}
exports.createProvider = createProvider;
