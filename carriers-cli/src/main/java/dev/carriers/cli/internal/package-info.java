/**
 * Not API: the picocli commands behind {@link dev.carriers.cli.CarriersCommand}, one class per
 * subcommand, their shared option mixins, and how failures become one line and an exit code.
 * To add a subcommand, extend {@link dev.carriers.cli.internal.DatabaseCommand} and list the class
 * in {@link dev.carriers.cli.internal.RootCommand}'s {@code subcommands}.
 */
package dev.carriers.cli.internal;
