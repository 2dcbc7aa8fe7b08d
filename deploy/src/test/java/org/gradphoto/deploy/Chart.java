package org.gradphoto.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The chart in deploy/helm/gradphoto, rendered by the helm that tools/install.sh unpacked. */
final class Chart {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path DIR = REPO.resolve("deploy/helm/gradphoto");
  static final Path TOOLS = Path.of(System.getProperty("deploy.tools", "target/tools"));
  static final String RELEASE = "gradphoto";
  static final String NAMESPACE = "gradphoto";

  private Chart() {}

  /** The overlays: values-<name>.yaml beside the chart's values.yaml. */
  static List<String> overlays() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("values-") && n.endsWith(".yaml"))
          .map(n -> n.substring("values-".length(), n.length() - ".yaml".length()))
          .sorted()
          .toList();
    }
  }

  /** helm template of one overlay, written to target/rendered/<overlay>.yaml. */
  static Path render(String overlay) throws IOException, InterruptedException {
    Path out = Path.of("target/rendered").toAbsolutePath().resolve(overlay + ".yaml");
    Files.createDirectories(out.getParent());
    Result r =
        run(
            List.of(
                helm(),
                "template",
                RELEASE,
                DIR.toString(),
                "--namespace",
                NAMESPACE,
                "--values",
                DIR.resolve("values-" + overlay + ".yaml").toString()));
    if (r.exitCode != 0) {
      throw new AssertionError("helm template " + overlay + " failed:\n" + r.stderr);
    }
    Files.writeString(out, r.stdout);
    return out;
  }

  /** The objects of a rendered file, in order. */
  static List<JsonNode> objects(Path rendered) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(rendered.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          objects.add(doc);
        }
      }
    }
    return objects;
  }

  static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  static JsonNode named(List<JsonNode> objects, String kind, String name) {
    return ofKind(objects, kind).stream()
        .filter(o -> o.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  static String helm() {
    Path helm = TOOLS.resolve("bin/helm");
    if (!Files.isExecutable(helm)) {
      throw new AssertionError(
          helm + " is missing: run mvn -f deploy/pom.xml verify (it installs)");
    }
    return helm.toString();
  }

  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    Path err = Files.createTempFile("deploy-", ".err");
    try {
      Process p =
          new ProcessBuilder(command).directory(TOOLS.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(p.exitValue(), stdout, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
