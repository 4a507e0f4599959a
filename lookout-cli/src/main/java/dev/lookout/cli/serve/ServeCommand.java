package dev.lookout.cli.serve;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.ServeOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lookout serve}: runs the gateway until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the gateway: forward OpenAI-compatible calls to the upstream and record each one.",
      "Settings come from flags, then LOOKOUT_* variables, then lookout.yaml, then defaults."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws Exception {
    ServeConfig config = new ConfigLoader(System.getenv()).load(options);
    GatewayRuntime runtime = GatewayRuntime.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  stopped.countDown();
                },
                "lookout-shutdown"));
    String url = runtime.gateway().url();
    System.out.println(
        "Lookout gateway on " + url + " -> " + config.gateway().upstreamForDisplay());
    System.out.println("  OpenAI base URL:  " + url + "/v1");
    System.out.println(
        "  Anthropic:        "
            + url
            + "/v1/messages -> "
            + dev.lookout.gateway.Upstreams.display(config.gateway().anthropicUpstream()));
    System.out.println("  Dashboard:        " + url + "/ui/");
    System.out.println("  Metrics:          " + url + "/metrics");
    System.out.println("  Report (JSON):    " + url + "/api/v1/report?since=24h&by=model");
    System.out.println("  Store:            " + config.dataDir().toAbsolutePath());
    stopped.await();
    return 0;
  }
}
