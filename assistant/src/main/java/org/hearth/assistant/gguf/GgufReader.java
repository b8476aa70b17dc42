package org.hearth.assistant.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the header and metadata of a GGUF file without touching the weights. Every count and length
 * in the file is checked against fixed limits and the file size before anything is allocated, so a
 * hostile or damaged file yields a {@link GgufException}, never an OutOfMemoryError.
 */
public final class GgufReader {

    private static final int MAGIC = 0x46554747; // "GGUF" as a little-endian u32
    private static final int DEFAULT_ALIGNMENT = 32;
    private static final int MAX_DIMS = 4;

    // Real models have tens of keys, hundreds to a few thousand tensors, vocabularies below 300,000
    // tokens and chat templates of some kilobytes; these limits leave a wide margin above that.
    private static final long MAX_KEYS = 1 << 16;
    private static final long MAX_TENSORS = 1 << 20;
    private static final long MAX_ARRAY_LENGTH = 1 << 24;
    private static final long MAX_STRING_BYTES = 1 << 24;
    private static final long MAX_NAME_BYTES = 1 << 16;
    /** Arrays up to this length keep their values; longer ones only their length. */
    private static final int KEPT_ARRAY_LENGTH = 1024;

    private final Path file;
    private final GgufInput in;

    private GgufReader(Path file, GgufInput in) {
        this.file = file;
        this.in = in;
    }

    public static GgufInfo read(Path file) throws GgufException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new GgufReader(file, new GgufInput(channel, file)).readInfo();
        } catch (NoSuchFileException e) {
            throw new GgufException(GgufException.Kind.UNREADABLE, file, GgufErrors.name(file) + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new GgufException(GgufException.Kind.UNREADABLE, file,
                    "Hearth is not allowed to read " + GgufErrors.name(file) + ".", e);
        } catch (IOException e) {
            throw new GgufException(GgufException.Kind.UNREADABLE, file,
                    GgufErrors.name(file) + " could not be read: " + e.getMessage(), e);
        }
    }

    private GgufInfo readInfo() throws IOException, GgufException {
        if (in.size() < 4 || in.u32() != MAGIC) {
            throw GgufErrors.notGguf(file);
        }
        int version = readVersion();
        long tensorCount = count(in.u64(), MAX_TENSORS, "tensors");
        long keyCount = count(in.u64(), MAX_KEYS, "metadata entries");

        in.section("metadata");
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < keyCount; i++) {
            String key = in.string(MAX_NAME_BYTES, "a metadata key");
            GgufValueType type = valueType(in.u32(), "metadata entry \"" + key + "\"");
            Object value = type == GgufValueType.ARRAY ? readArray(key) : readScalar(type, key);
            if (metadata.put(key, value) != null) {
                throw GgufErrors.corrupt(file, "the metadata entry \"" + key + "\" appears twice");
            }
            if (key.equals("general.alignment") && type != GgufValueType.UINT32) {
                throw GgufErrors.corrupt(file, "general.alignment is not a u32");
            }
        }
        int alignment = alignment(metadata);

        in.section("tensor list");
        List<GgufTensorInfo> tensors = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            GgufTensorInfo tensor = readTensorInfo();
            if (!names.add(tensor.name())) {
                throw GgufErrors.corrupt(file, "the tensor \"" + tensor.name() + "\" appears twice");
            }
            long offset = in.u64();
            if (offset < 0 || offset % alignment != 0) {
                throw GgufErrors.corrupt(file, "the tensor \"" + tensor.name() + "\" has a misaligned data offset");
            }
            tensors.add(tensor);
            offsets.add(offset);
        }
        requireData(tensors, offsets, alignment);
        return info(version, metadata, tensors);
    }

    private int readVersion() throws IOException, GgufException {
        int version = in.u32();
        if (version == 2 || version == 3) {
            return version;
        }
        int swapped = Integer.reverseBytes(version);
        if (swapped >= 1 && swapped <= 3) {
            throw GgufErrors.unsupportedVersion(file, "big-endian byte order");
        }
        throw GgufErrors.unsupportedVersion(file, "version " + Integer.toUnsignedString(version));
    }

    private long count(long declared, long max, String what) throws GgufException {
        if (declared < 0 || declared > max) {
            throw GgufErrors.corrupt(file, "it declares " + Long.toUnsignedString(declared) + " " + what
                    + ", more than the " + max + " a model file can have");
        }
        return declared;
    }

    private GgufValueType valueType(int id, String what) throws GgufException {
        return GgufValueType.byId(id)
                .orElseThrow(() -> GgufErrors.corrupt(file, what + " has the unknown value type " + Integer.toUnsignedString(id)));
    }

    private Object readScalar(GgufValueType type, String key) throws IOException, GgufException {
        return switch (type) {
            case UINT8 -> (long) Byte.toUnsignedInt(in.u8());
            case INT8 -> (long) in.u8();
            case UINT16 -> (long) Short.toUnsignedInt(in.u16());
            case INT16 -> (long) in.u16();
            case UINT32 -> Integer.toUnsignedLong(in.u32());
            case INT32 -> (long) in.u32();
            case UINT64, INT64 -> in.u64();
            case FLOAT32 -> (double) Float.intBitsToFloat(in.u32());
            case FLOAT64 -> Double.longBitsToDouble(in.u64());
            case BOOL -> in.u8() != 0;
            case STRING -> in.string(MAX_STRING_BYTES, "the metadata entry \"" + key + "\"");
            case ARRAY -> throw new IllegalArgumentException("arrays are read by readArray");
        };
    }

    private GgufArray readArray(String key) throws IOException, GgufException {
        String what = "the metadata array \"" + key + "\"";
        GgufValueType elementType = valueType(in.u32(), what);
        if (elementType == GgufValueType.ARRAY) {
            throw GgufErrors.corrupt(file, what + " contains arrays, which GGUF does not allow");
        }
        long length = count(in.u64(), MAX_ARRAY_LENGTH, "elements in " + what);
        if (length > KEPT_ARRAY_LENGTH) {
            skipElements(elementType, length, what);
            return new GgufArray(elementType, length, List.of());
        }
        List<Object> values = new ArrayList<>((int) length);
        for (long i = 0; i < length; i++) {
            values.add(readScalar(elementType, key));
        }
        return new GgufArray(elementType, length, values);
    }

    private void skipElements(GgufValueType elementType, long length, String what) throws IOException, GgufException {
        if (elementType == GgufValueType.STRING) {
            for (long i = 0; i < length; i++) {
                in.skipString(MAX_STRING_BYTES, "an element of " + what);
            }
        } else {
            in.skip(length * elementType.fixedSize());
        }
    }

    private int alignment(Map<String, Object> metadata) throws GgufException {
        if (!(metadata.get("general.alignment") instanceof Long alignment)) {
            return DEFAULT_ALIGNMENT;
        }
        if (alignment <= 0 || alignment > 1 << 20 || Long.bitCount(alignment) != 1) {
            throw GgufErrors.corrupt(file, "its data alignment " + alignment + " is not a power of two");
        }
        return alignment.intValue();
    }

    private GgufTensorInfo readTensorInfo() throws IOException, GgufException {
        String name = in.string(MAX_NAME_BYTES, "a tensor name");
        int dims = in.u32();
        if (dims < 1 || dims > MAX_DIMS) {
            throw GgufErrors.corrupt(file, "the tensor \"" + name + "\" has " + Integer.toUnsignedString(dims) + " dimensions");
        }
        List<Long> shape = new ArrayList<>(dims);
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            long extent = in.u64();
            if (extent < 0) {
                throw GgufErrors.corrupt(file, "the tensor \"" + name + "\" has a negative dimension");
            }
            try {
                elements = Math.multiplyExact(elements, extent);
            } catch (ArithmeticException e) {
                throw GgufErrors.corrupt(file, "the tensor \"" + name + "\" is impossibly large");
            }
            shape.add(extent);
        }
        int typeId = in.u32();
        GgmlType type = GgmlType.byId(Integer.toUnsignedLong(typeId)).orElseThrow(() -> GgufErrors.corrupt(file,
                "the tensor \"" + name + "\" has the unknown type " + Integer.toUnsignedString(typeId)));
        if (shape.getFirst() % type.blockSize() != 0) {
            throw GgufErrors.corrupt(file, "the tensor \"" + name + "\" does not fill whole " + type + " blocks");
        }
        try {
            return new GgufTensorInfo(name, shape, type.name(), type.byteSize(elements));
        } catch (ArithmeticException e) {
            throw GgufErrors.corrupt(file, "the tensor \"" + name + "\" is impossibly large");
        }
    }

    /** The weights follow the header, aligned; all of them must lie inside the file. */
    private void requireData(List<GgufTensorInfo> tensors, List<Long> offsets, int alignment) throws GgufException {
        if (tensors.isEmpty()) {
            return;
        }
        long dataStart = (in.position() + alignment - 1) / alignment * alignment;
        long end = dataStart;
        try {
            for (int i = 0; i < tensors.size(); i++) {
                end = Math.max(end, Math.addExact(Math.addExact(dataStart, offsets.get(i)), tensors.get(i).byteSize()));
            }
        } catch (ArithmeticException e) {
            throw GgufErrors.corrupt(file, "its tensor offsets point beyond any possible file size");
        }
        if (end > in.size()) {
            throw GgufErrors.truncatedData(file, in.size(), end);
        }
    }

    private GgufInfo info(int version, Map<String, Object> metadata, List<GgufTensorInfo> tensors) throws GgufException {
        if (!(metadata.get("general.architecture") instanceof String architecture) || architecture.isBlank()) {
            throw GgufErrors.corrupt(file, "it does not say which model architecture it contains");
        }
        long parameters = tensors.stream().mapToLong(GgufTensorInfo::elementCount).sum();
        String tokens = "tokenizer.ggml.tokens";
        long vocabulary = metadata.get(tokens) instanceof GgufArray array ? array.length() : 0;
        Optional<String> chatTemplate = metadata.get("tokenizer.chat_template") instanceof String template
                ? Optional.of(template) : Optional.empty();
        return new GgufInfo(file, version, architecture, parameters, fileTypeName(metadata, tensors),
                number(metadata, architecture + ".context_length"),
                number(metadata, architecture + ".embedding_length"),
                number(metadata, architecture + ".block_count"),
                vocabulary, chatTemplate, metadata, tensors);
    }

    private static long number(Map<String, Object> metadata, String key) {
        return metadata.get(key) instanceof Long value ? value : 0;
    }

    private static String fileTypeName(Map<String, Object> metadata, List<GgufTensorInfo> tensors) {
        if (metadata.get("general.file_type") instanceof Long fileType) {
            Optional<String> name = LlamaFileTypes.name(fileType);
            if (name.isPresent()) {
                return name.get();
            }
        }
        Map<String, Long> bytesByType = new HashMap<>();
        for (GgufTensorInfo tensor : tensors) {
            bytesByType.merge(tensor.typeName(), tensor.byteSize(), Long::sum);
        }
        return bytesByType.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("unknown");
    }
}
