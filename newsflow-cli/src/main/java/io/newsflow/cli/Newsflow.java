package io.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./newsflow} launcher: one command per thing a user does. */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        version = "newsflow 0.1.0",
        description = "Streaming news ingestion on Apache Kafka: ingest raw dumps, deduplicate, tag, alert.",
        subcommands = {
            RunCommand.class,
            UpCommand.class,
            EnrichCommand.class,
            IngestCommand.class,
            TailCommand.class,
            ReplayCommand.class,
            ReprocessCommand.class,
            ConfigCommand.class,
            BenchCommand.class,
            NotifyCommand.class,
            AuditCommand.class
        })
public final class Newsflow {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Newsflow());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr()
                    .println(cmd.getColorScheme().errorText("newsflow " + cmd.getCommandName() + ": " + message(e)));
            if (System.getenv("NEWSFLOW_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return commandLine;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
