package org.hearth.assistant.route;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineCapabilities;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.Restorer;
import org.hearth.assistant.route.anonymise.StreamingRestorer;

/**
 * An engine off the machine, seen through the anonymiser: every system prompt and request is anonymised with the
 * job's placeholders before the engine gets it, and every answer — streamed pieces and the whole text — comes back
 * with the real values. A task runs on it unchanged. Fails closed: when a text cannot be made safe or an answer
 * holds a placeholder nobody issued, the job ends with an {@link EngineException} and nothing more is sent.
 */
public final class AnonymisingEngine implements Engine {

    private final Engine remote;
    private final Anonymiser anonymiser;

    public AnonymisingEngine(Engine remote, Anonymiser anonymiser) {
        this.remote = remote;
        this.anonymiser = anonymiser;
    }

    @Override
    public EngineCapabilities capabilities() {
        return remote.capabilities();
    }

    @Override
    public int count(String text) {
        return remote.count(text);
    }

    @Override
    public int count(List<Message> conversation, boolean assistantStart) {
        return remote.count(conversation, assistantStart);
    }

    @Override
    public String cut(String text, int budget, String marker) {
        return remote.cut(text, budget, marker);
    }

    @Override
    public PromptSeries series(String system, int parallel, BooleanSupplier cancelled) {
        PromptSeries series = remote.series(anonymised(system), parallel, cancelled);
        return new PromptSeries() {
            @Override
            public Completion complete(EngineRequest request, TextListener listener) {
                EngineRequest outgoing = anonymised(request);
                StreamingRestorer streaming = streaming(request);
                Completion completion = series.complete(outgoing, restoring(streaming, listener));
                flush(streaming, listener);
                return restored(completion, request);
            }

            @Override
            public void completeAll(List<EngineRequest> requests, CompletionListener listener) {
                List<EngineRequest> outgoing = new ArrayList<>(requests.size());
                for (EngineRequest request : requests) {
                    outgoing.add(anonymised(request));
                }
                series.completeAll(outgoing, new CompletionListener() {
                    @Override
                    public void onCompletion(int index, Completion completion) {
                        listener.onCompletion(index, restored(completion, requests.get(index)));
                    }

                    @Override
                    public void onProgress(int done, int total) {
                        listener.onProgress(done, total);
                    }
                });
            }

            @Override
            public Usage usage() {
                return series.usage();
            }

            @Override
            public void close() {
                series.close();
            }
        };
    }

    @Override
    public Completion complete(String system, EngineRequest request, TextListener listener, BooleanSupplier cancelled) {
        StreamingRestorer streaming = streaming(request);
        Completion completion = remote.complete(system == null ? null : anonymised(system), anonymised(request),
                restoring(streaming, listener), cancelled);
        flush(streaming, listener);
        return restored(completion, request);
    }

    private String anonymised(String text) {
        try {
            return anonymiser.anonymise(text).outgoing();
        } catch (AnonymisationException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    private EngineRequest anonymised(EngineRequest request) {
        return new EngineRequest(anonymised(request.user()), request.schema(), request.sampling(), request.maxTokens());
    }

    private Restorer restorer(EngineRequest request) {
        return new Restorer(anonymiser.placeholders(), request.schema().isPresent());
    }

    private StreamingRestorer streaming(EngineRequest request) {
        return new StreamingRestorer(restorer(request));
    }

    private static TextListener restoring(StreamingRestorer streaming, TextListener listener) {
        return piece -> {
            try {
                String ready = streaming.accept(piece);
                if (!ready.isEmpty()) {
                    listener.onText(ready);
                }
            } catch (AnonymisationException e) {
                throw new EngineException(e.getMessage(), e);
            }
        };
    }

    private static void flush(StreamingRestorer streaming, TextListener listener) {
        try {
            String rest = streaming.finish();
            if (!rest.isEmpty()) {
                listener.onText(rest);
            }
        } catch (AnonymisationException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    private Completion restored(Completion completion, EngineRequest request) {
        try {
            return new Completion(restorer(request).restore(completion.text()), completion.finishReason(), completion.usage());
        } catch (AnonymisationException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
