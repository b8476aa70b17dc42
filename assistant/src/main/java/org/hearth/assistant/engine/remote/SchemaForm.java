package org.hearth.assistant.engine.remote;

/** How a request's JSON schema is sent as {@code response_format}; servers differ in what they accept. */
public enum SchemaForm {
    /** OpenAI's {@code {"type":"json_schema","json_schema":{"name":…,"strict":true,"schema":…}}}: OpenAI, vLLM, recent llama-server. */
    NESTED,
    /** llama-server's {@code {"type":"json_object","schema":…}}: older llama-server builds. */
    FLAT
}
