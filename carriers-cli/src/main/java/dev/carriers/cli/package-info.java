/**
 * The {@code carriers} command line: {@link dev.carriers.cli.CarriersCommand} is its entry point and
 * {@link dev.carriers.cli.ExitCode} lists what its exit codes mean. The subcommands live in
 * {@code dev.carriers.cli.internal}, which is not API.
 */
package dev.carriers.cli;
