// Usage: node bench.mjs MODEL.gguf [threads] [promptTokens] [generatedTokens] [repetitions]
// Mirrors org.hearth.app.bench.RuntimeBenchmark: the same pseudo-random prompt tokens decoded as
// one batch (pp), then greedy generation one token at a time (tg), one discarded warm-up run.
import {getLlama} from "node-llama-cpp";

const [modelPath, threadsArg = "2", ppArg = "512", tgArg = "128", repsArg = "3"] = process.argv.slice(2);
const threads = Number(threadsArg), pp = Number(ppArg), tg = Number(tgArg), repetitions = Number(repsArg);

// Same generator as RuntimeBenchmark.pseudoRandomTokens (31-bit LCG), so both decode identical tokens.
function pseudoRandomTokens(count, vocabularySize) {
    let state = 1234;
    const tokens = [];
    for (let i = 0; i < count; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        tokens.push(state % vocabularySize);
    }
    return tokens;
}

const llama = await getLlama({gpu: false, build: "never", logLevel: "error"});
const model = await llama.loadModel({modelPath});
const context = await model.createContext({contextSize: pp + tg + 16, batchSize: pp, threads, sequences: 1});
const sequence = context.getSequence();
const prompt = pseudoRandomTokens(pp, model.tokens.trimmedVocabularySize ?? model.fileInfo.metadata.tokenizer.ggml.tokens.length);

const ppRates = [], tgRates = [];
for (let run = 0; run <= repetitions; run++) {
    await sequence.clearHistory();
    let start = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, pp - 1));
    const ppRate = (pp - 1) * 1000 / (performance.now() - start);

    // evaluate() decodes the last prompt token, then samples and decodes: tg decodes and tg samples, as in Hearth.
    let generated = 0;
    start = performance.now();
    for await (const token of sequence.evaluate([prompt[pp - 1]], {temperature: 0})) {
        if (++generated >= tg) break;
    }
    const tgRate = tg * 1000 / (performance.now() - start);
    if (run > 0) {
        ppRates.push(ppRate);
        tgRates.push(tgRate);
    }
}

const stats = xs => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    return {mean, sd};
};
const p = stats(ppRates), t = stats(tgRates);
console.log(JSON.stringify({
    runtime: "node-llama-cpp 3.21.1", threads, prompt_tokens: pp, generated_tokens: tg, repetitions,
    pp_tokens_per_second: p.mean, pp_stddev: p.sd, tg_tokens_per_second: t.mean, tg_stddev: t.sd
}));
await context.dispose();
await model.dispose();
