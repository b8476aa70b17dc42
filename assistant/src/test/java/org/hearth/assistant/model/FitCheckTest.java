package org.hearth.assistant.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FitCheckTest {

    private static final long GIB = 1L << 30;

    @ParameterizedTest(name = "{0} GB {1} {2} -> {3}")
    @CsvSource({
            "8,  WINDOWS, X86_64, qwen3.5-2b-q4_k_m",
            "8,  MAC,     ARM64,  qwen3.5-2b-q4_k_m",
            "16, WINDOWS, X86_64, qwen3.5-9b-q4_k_m",
            "16, MAC,     ARM64,  qwen3.5-9b-q4_k_m",
            "32, WINDOWS, X86_64, qwen3.5-9b-q8_0",
            "32, MAC,     ARM64,  qwen3.5-9b-q8_0",
            "64, LINUX,   X86_64, qwen3.5-9b-q8_0",
            "64, MAC,     ARM64,  qwen3.5-9b-q8_0"
    })
    void recommendsTheLargestModelThatLeavesHalfTheMemoryToOtherPrograms(
            int gigabytes, MachineFacts.OperatingSystem os, MachineFacts.CpuArchitecture arch, String expected) {
        MachineFacts machine = new MachineFacts(gigabytes * GIB, gigabytes * GIB / 2, os, arch);

        Recommendation recommendation = FitCheck.recommend(machine);

        assertThat(recommendation.model().id()).isEqualTo(expected);
        assertThat(recommendation.verdict()).isEqualTo(Recommendation.Verdict.FITS);
        assertThat(recommendation.need().totalBytes()).isLessThanOrEqualTo(machine.totalMemoryBytes() - FitCheck.reservedForOtherPrograms(machine));
    }

    @Test
    void aMachineReportingSlightlyLessThanItsNominalMemoryGetsTheSameAnswer() {
        MachineFacts machine = new MachineFacts((long) (15.6 * GIB), 10 * GIB,
                MachineFacts.OperatingSystem.WINDOWS, MachineFacts.CpuArchitecture.X86_64);

        assertThat(FitCheck.recommend(machine).model().id()).isEqualTo("qwen3.5-9b-q4_k_m");
    }

    @Test
    void explainsTheChoiceWithMemoryModelDownloadAndWhatIsLeftInEnglishAndGerman() {
        MachineFacts pc = new MachineFacts(16 * GIB, 12 * GIB, MachineFacts.OperatingSystem.WINDOWS, MachineFacts.CpuArchitecture.X86_64);

        Recommendation recommendation = FitCheck.recommend(pc);

        assertThat(recommendation.explain(Locale.ENGLISH))
                .isEqualTo("16 GB memory → Qwen3.5 9B Q4_K_M, 5.3 GB download: leaves 9 GB for your other programs.");
        assertThat(recommendation.explain(Locale.GERMANY))
                .isEqualTo("16 GB Arbeitsspeicher → Qwen3.5 9B Q4_K_M, 5,3 GB Download: Es bleiben 9 GB für Ihre anderen Programme.");
    }

    @Test
    void onAppleSiliconTheExplanationSaysTheMemoryIsSharedWithGraphics() {
        MachineFacts mac = new MachineFacts(8 * GIB, 6 * GIB, MachineFacts.OperatingSystem.MAC, MachineFacts.CpuArchitecture.ARM64);

        Recommendation recommendation = FitCheck.recommend(mac);

        assertThat(mac.unifiedMemory()).isTrue();
        assertThat(recommendation.explain(Locale.ENGLISH)).startsWith("8 GB memory (shared with the graphics chip) → Qwen3.5 2B Q4_K_M");
        assertThat(recommendation.explain(Locale.GERMAN)).startsWith("8 GB Arbeitsspeicher (gemeinsam mit dem Grafikchip genutzt) →");
    }

    @Test
    void littleFreeMemoryRightNowKeepsTheChoiceButAsksToClosePrograms() {
        MachineFacts busy = new MachineFacts(16 * GIB, 2 * GIB, MachineFacts.OperatingSystem.WINDOWS, MachineFacts.CpuArchitecture.X86_64);

        Recommendation recommendation = FitCheck.recommend(busy);

        assertThat(recommendation.model().id()).isEqualTo("qwen3.5-9b-q4_k_m");
        assertThat(recommendation.verdict()).isEqualTo(Recommendation.Verdict.FITS_AFTER_CLOSING_PROGRAMS);
        assertThat(recommendation.explain(Locale.ENGLISH)).endsWith("Only 2.0 GB are free right now, so please close a few programs before the first start.");
        assertThat(recommendation.explain(Locale.GERMAN)).endsWith("Im Moment sind nur 2,0 GB frei; bitte schließen Sie vor dem ersten Start einige Programme.");
    }

    @Test
    void whenNothingFitsTheSmallestModelIsOfferedWithAWarning() {
        MachineFacts tiny = new MachineFacts(4 * GIB, 2 * GIB, MachineFacts.OperatingSystem.WINDOWS, MachineFacts.CpuArchitecture.X86_64);

        Recommendation recommendation = FitCheck.recommend(tiny);

        assertThat(recommendation.model().id()).isEqualTo("qwen3.5-0.8b-q4_k_m");
        assertThat(recommendation.verdict()).isEqualTo(Recommendation.Verdict.TOO_LITTLE_MEMORY);
        assertThat(recommendation.explain(Locale.ENGLISH)).startsWith("4 GB memory is very little for a language model.");
        assertThat(recommendation.explain(Locale.GERMAN)).startsWith("4 GB Arbeitsspeicher sind für ein Sprachmodell sehr wenig.");
    }

    @Test
    void theEstimateGrowsWithTheContextThroughTheAttentionLayersOnly() {
        CatalogModel model = ModelCatalog.find("qwen3.5-9b-q4_k_m").orElseThrow();

        MemoryEstimate short4k = FitCheck.estimate(model, 4_096);
        MemoryEstimate long32k = FitCheck.estimate(model, 32_768);

        assertThat(long32k.totalBytes()).isGreaterThan(short4k.totalBytes());
        assertThat(long32k.kvCacheBytes()).isEqualTo(8 * short4k.kvCacheBytes());
        // 8 attention layers × 4 KV heads × 256 dims × (key + value) × 2 bytes of f16
        assertThat(short4k.kvCacheBytes()).isEqualTo(4_096L * 8 * 4 * 256 * 2 * 2);
        assertThat(long32k.recurrentStateBytes()).isEqualTo(short4k.recurrentStateBytes());
        assertThat(long32k.weightsBytes()).isEqualTo(model.approximateSizeBytes());
    }

    @Test
    void aHybridModelNeedsFarLessCacheThanAPlainTransformerOfTheSameShape() {
        ModelShape hybrid = ModelCatalog.find("qwen3.5-4b-q4_k_m").orElseThrow().shape();
        ModelShape allAttention = ModelShape.transformer(hybrid.layers(), hybrid.kvHeads(), hybrid.headDim(), hybrid.trainedContextTokens());

        assertThat(allAttention.kvCacheBytesPerToken()).isEqualTo(4 * hybrid.kvCacheBytesPerToken());
        assertThat(allAttention.recurrentStateBytes()).isZero();
        // 24 DeltaNet layers × 32 heads × 128 × 128 × 4 bytes of f32
        assertThat(hybrid.recurrentStateBytes()).isEqualTo(24L * 32 * 128 * 128 * 4);
    }

    @Test
    void aLongerContextCanTipTheChoiceToASmallerModel() {
        MachineFacts machine = new MachineFacts(16 * GIB, 12 * GIB, MachineFacts.OperatingSystem.WINDOWS, MachineFacts.CpuArchitecture.X86_64);

        Recommendation usual = FitCheck.recommend(machine, ModelCatalog.chatModels(), FitCheck.DEFAULT_CONTEXT_TOKENS);
        Recommendation huge = FitCheck.recommend(machine, ModelCatalog.chatModels(), 131_072);

        assertThat(usual.model().id()).isEqualTo("qwen3.5-9b-q4_k_m");
        assertThat(huge.model().approximateSizeBytes()).isLessThan(usual.model().approximateSizeBytes());
    }

    @Test
    void readsOperatingSystemAndArchitectureNames() {
        assertThat(MachineFacts.operatingSystem("Mac OS X")).isEqualTo(MachineFacts.OperatingSystem.MAC);
        assertThat(MachineFacts.operatingSystem("Windows 11")).isEqualTo(MachineFacts.OperatingSystem.WINDOWS);
        assertThat(MachineFacts.operatingSystem("Linux")).isEqualTo(MachineFacts.OperatingSystem.LINUX);
        assertThat(MachineFacts.cpuArchitecture("aarch64")).isEqualTo(MachineFacts.CpuArchitecture.ARM64);
        assertThat(MachineFacts.cpuArchitecture("amd64")).isEqualTo(MachineFacts.CpuArchitecture.X86_64);
        assertThat(MachineFacts.detect().totalMemoryBytes()).isPositive();
    }

    @Test
    void aPcWithFewCoresGetsAModelThatStillAnswersAtReadingSpeed() {
        MachineFacts twoCores = new MachineFacts(24 * GIB, 20 * GIB, MachineFacts.OperatingSystem.LINUX,
                MachineFacts.CpuArchitecture.X86_64, 2);

        Recommendation recommendation = FitCheck.recommend(twoCores);

        assertThat(FitCheck.estimatedCpuTokensPerSecond(recommendation.model(), twoCores).orElseThrow())
                .isGreaterThanOrEqualTo(FitCheck.MIN_TOKENS_PER_SECOND);
        assertThat(recommendation.model().parameterCount()).isLessThan(
                FitCheck.recommend(new MachineFacts(24 * GIB, 20 * GIB, MachineFacts.OperatingSystem.LINUX,
                        MachineFacts.CpuArchitecture.X86_64)).model().parameterCount());
        assertThat(recommendation.largerModelsTooSlow()).isTrue();
        assertThat(recommendation.explain(java.util.Locale.ENGLISH)).contains("2 processor cores");
        assertThat(recommendation.explain(java.util.Locale.GERMAN)).contains("2 Prozessorkernen");
    }

    @Test
    void moreCoresAllowALargerModelAndAppleSiliconIsNotCappedByCores() {
        MachineFacts.OperatingSystem linux = MachineFacts.OperatingSystem.LINUX;
        long two = FitCheck.recommend(new MachineFacts(32 * GIB, 30 * GIB, linux, MachineFacts.CpuArchitecture.X86_64, 2))
                .model().approximateSizeBytes();
        long eight = FitCheck.recommend(new MachineFacts(32 * GIB, 30 * GIB, linux, MachineFacts.CpuArchitecture.X86_64, 8))
                .model().approximateSizeBytes();
        MachineFacts mac = new MachineFacts(32 * GIB, 30 * GIB, MachineFacts.OperatingSystem.MAC, MachineFacts.CpuArchitecture.ARM64, 2);

        assertThat(eight).isGreaterThan(two);
        assertThat(FitCheck.estimatedCpuTokensPerSecond(ModelCatalog.chatModels().getFirst(), mac)).isEmpty();
        assertThat(FitCheck.recommend(mac).largerModelsTooSlow()).isFalse();
    }
}
