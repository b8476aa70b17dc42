package org.hearth.assistant.model;

/** How a model's weights are stored; the label is the one used in GGUF file names. */
public enum Quantization {
    /** About 4.9 bits per weight: the usual trade of quality for size and speed. */
    Q4_K_M("Q4_K_M"),
    /** About 8.5 bits per weight: nearly lossless, twice the size and about half the speed of Q4_K_M. */
    Q8_0("Q8_0");

    private final String label;

    Quantization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
