package jp.madoguchi.staff.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a subcommand, read once for all of them: an unknown or incomplete option, or
 * {@code --help}, stops the command with its help text and the exit code to return.
 *
 * @param options the options by name (without the dashes)
 * @param stop    whether the command ends here, with {@code exit}
 */
record CliOptions(Map<String, String> options, boolean stop, int exit) {

    static CliOptions read(String[] args, Set<String> names, String help) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(help);
                return new CliOptions(options, true, 0);
            }
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (!names.contains(name) || i + 1 >= args.length) {
                System.err.println((names.contains(name) ? "値がありません: " : "不明なオプションです: ") + arg + "\n" + help);
                return new CliOptions(options, true, 2);
            }
            options.put(name, args[++i]);
        }
        return new CliOptions(options, false, 0);
    }

    /**
     * The command's application context: the settings of the production installation in {@code --data} when given,
     * else the environment's (the demo's data folder).
     */
    io.micronaut.context.ApplicationContextBuilder context() {
        io.micronaut.context.ApplicationContextBuilder builder = io.micronaut.context.ApplicationContext.builder()
                .environments("cli").deduceEnvironment(false);
        String data = options.get("data");
        if (data != null) {
            builder.propertySources(jp.madoguchi.staff.config.ProductionConfiguration.load(
                    java.nio.file.Path.of(data).toAbsolutePath().normalize()));
        }
        return builder;
    }
}
