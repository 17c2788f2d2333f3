package cn.xuncha.models.boxes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Darknet network description (.cfg) as its layers, numbered as Darknet numbers them (the [net] section is not a
 * layer), with each layer's output channels, so that a part of the network can be rebuilt elsewhere.
 */
public record DarknetCfg(List<Layer> layers) {

    /** One section: its type ("convolutional", "route", ...), its keys, and the channels it outputs. */
    public record Layer(int index, String type, Map<String, String> keys, int outChannels, int inChannels) {
        public int integer(String key, int fallback) {
            String v = keys.get(key);
            if (v == null) return fallback;
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layer " + index + " (" + type + "): " + key + "=" + v + " is not a whole number");
            }
        }

        /** The absolute indices a route or shortcut reads (Darknet allows negative, relative ones). */
        public List<Integer> sources() {
            List<Integer> out = new ArrayList<>();
            switch (type) {
                case "route" -> {
                    for (String s : keys.getOrDefault("layers", "").split(",")) out.add(absolute(Integer.parseInt(s.trim())));
                }
                case "shortcut" -> {
                    out.add(index - 1);
                    out.add(absolute(integer("from", 0)));
                }
                default -> {
                    if (index > 0) out.add(index - 1);
                }
            }
            return out;
        }

        private int absolute(int ref) {
            return ref < 0 ? index + ref : ref;
        }

        public boolean batchNormalized() {
            return integer("batch_normalize", 0) == 1;
        }

        /** Weights a convolution stores after its biases (and batch-norm vectors): filters × in/groups × size². */
        public long kernelWeights() {
            int k = integer("size", 1);
            return (long) outChannels * (inChannels / integer("groups", 1)) * k * k;
        }
    }

    public static DarknetCfg read(Path cfg) throws IOException {
        return parse(Files.readAllLines(cfg, StandardCharsets.UTF_8), cfg.toString());
    }

    /** A cfg's lines, already read; what names the file in errors. */
    public static DarknetCfg parse(List<String> lines, String what) throws IOException {
        List<Map.Entry<String, Map<String, String>>> sections = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                sections.add(Map.entry(line.substring(1, line.indexOf(']')).strip(), new LinkedHashMap<>()));
            } else if (!sections.isEmpty() && line.contains("=")) {
                int eq = line.indexOf('=');
                sections.get(sections.size() - 1).getValue().put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (sections.isEmpty() || !sections.get(0).getKey().equals("net")) {
            throw new IOException(what + ": a Darknet cfg starts with a [net] section");
        }
        int channels = Integer.parseInt(sections.get(0).getValue().getOrDefault("channels", "3"));
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i < sections.size(); i++) {
            String type = sections.get(i).getKey();
            Map<String, String> keys = Map.copyOf(sections.get(i).getValue());
            int in = layers.isEmpty() ? channels : layers.get(layers.size() - 1).outChannels();
            Layer probe = new Layer(i - 1, type, keys, 0, in);
            int out = switch (type) {
                case "convolutional" -> probe.integer("filters", 1);
                case "route" -> probe.sources().stream().mapToInt(j -> layers.get(j).outChannels()).sum();
                default -> in;
            };
            layers.add(new Layer(i - 1, type, keys, out, in));
        }
        return new DarknetCfg(List.copyOf(layers));
    }

    public Layer layer(int index) {
        return layers.get(index);
    }
}
