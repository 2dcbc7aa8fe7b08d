package org.gradphoto.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code standardize [--profile ID | --profile-file FILE] [--background #RRGGBB] [--hint x,y,w,h]
 * [--print-report] [--debug] --out DIR FILE...}: writes DIR/NAME.jpg, NAME.png and NAME.json per
 * input, prints a line per file. Exit 0 when it ran (rejected photos included), 2 on usage errors.
 */
public final class Cli {
  private Cli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String profileId = "chsi-graduation";
    Path profileFile = null;
    String background = null;
    String hintText = null;
    Path outDir = null;
    boolean printReport = false;
    boolean debug = false;
    List<Path> inputs = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--profile" -> profileId = args[++i];
          case "--profile-file" -> profileFile = Path.of(args[++i]);
          case "--background" -> background = args[++i];
          case "--hint" -> hintText = args[++i];
          case "--out" -> outDir = Path.of(args[++i]);
          case "--print-report" -> printReport = true;
          case "--debug" -> debug = true;
          case "-h", "--help" -> {
            usage(out);
            return 0;
          }
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            inputs.add(Path.of(args[i]));
          }
        }
      }
      if (outDir == null || inputs.isEmpty()) {
        throw new IllegalArgumentException("need --out DIR and at least one input file");
      }
      SpecProfile profile;
      if (profileFile != null) {
        try (InputStream in = Files.newInputStream(profileFile)) {
          profile = SpecProfile.fromJson(in);
        }
      } else {
        profile = SpecProfile.named(profileId);
      }
      BackgroundColour colour =
          background == null ? profile.backgrounds().get(0) : BackgroundColour.parse(background);
      if (!profile.allows(colour)) {
        throw new IllegalArgumentException(
            "profile " + profile.id() + " does not allow " + colour.hex());
      }
      Optional<GuideFrame> hint = Optional.ofNullable(hintText).map(Cli::parseHint);
      for (Path in : inputs) {
        if (!Files.isRegularFile(in)) {
          throw new IllegalArgumentException("no such file: " + in);
        }
      }
      Files.createDirectories(outDir);
      PhotoEngine engine = PhotoEngine.load(1);
      for (Path in : inputs) {
        process(
            engine,
            in,
            outDir,
            profile,
            hint,
            colour,
            printReport || inputs.size() == 1,
            debug,
            out);
      }
      return 0;
    } catch (IllegalArgumentException | IOException | ArrayIndexOutOfBoundsException e) {
      err.println("standardize: " + e.getMessage());
      usage(err);
      return 2;
    }
  }

  private static void process(
      PhotoEngine engine,
      Path in,
      Path outDir,
      SpecProfile profile,
      Optional<GuideFrame> hint,
      BackgroundColour colour,
      boolean printReport,
      boolean debug,
      PrintStream out)
      throws IOException {
    String name = in.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    byte[] bytes = Files.readAllBytes(in);
    try {
      long t0 = System.nanoTime();
      Standardizer.Outcome o = engine.run(bytes, profile, hint, colour);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      StandardizeResult r = o.result();
      if (r.hasPhoto()) {
        Files.write(outDir.resolve(name + ".jpg"), r.jpeg());
        Files.write(outDir.resolve(name + ".png"), r.cutoutPng());
      }
      String json = Reports.toJson(r.report());
      Files.writeString(outDir.resolve(name + ".json"), json + "\n", StandardCharsets.UTF_8);
      String codes =
          r.report().findings().stream()
              .map(f -> f.code() + (f.severity() == Severity.WARN ? "(warn)" : ""))
              .collect(Collectors.joining(","));
      OutputInfo info = r.report().output();
      out.printf(
          "%s: %s %s %dms%s%n",
          in.getFileName(),
          r.report().accepted() ? "ACCEPTED" : "REJECTED",
          info == null ? "no photo" : "q=" + info.jpegQuality() + " " + info.jpegBytes() + "B",
          ms,
          codes.isEmpty() ? "" : " " + codes);
      if (debug) {
        Map<String, String> m = new LinkedHashMap<>();
        o.metrics().forEach((k, v) -> m.put(k, String.format("%.3f", v)));
        out.println("  metrics " + m);
      }
      if (printReport) {
        out.println(json);
      }
    } catch (InputRejectedException e) {
      String json =
          "{\n  \"accepted\" : false,\n  \"inputRejected\" : \""
              + e.code()
              + "\",\n  \"message\" : \""
              + e.messageZh()
              + "\"\n}";
      Files.writeString(outDir.resolve(name + ".json"), json + "\n", StandardCharsets.UTF_8);
      out.printf("%s: INPUT_REJECTED %s%n", in.getFileName(), e.code());
      if (printReport) {
        out.println(json);
      }
    }
  }

  static GuideFrame parseHint(String s) {
    String[] p = s.split(",");
    if (p.length != 4) {
      throw new IllegalArgumentException("--hint takes x,y,width,height as fractions");
    }
    return new GuideFrame(
        Double.parseDouble(p[0]),
        Double.parseDouble(p[1]),
        Double.parseDouble(p[2]),
        Double.parseDouble(p[3]));
  }

  private static void usage(PrintStream s) {
    s.println(
        "usage: standardize [--profile ID | --profile-file FILE] [--background #RRGGBB]\n"
            + "                   [--hint x,y,w,h] [--print-report] [--debug] --out DIR FILE...\n"
            + "profiles: "
            + SpecProfile.SHIPPED);
  }
}
