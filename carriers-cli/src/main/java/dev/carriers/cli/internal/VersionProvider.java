package dev.carriers.cli.internal;

import picocli.CommandLine.IVersionProvider;

/**
 * Answers {@code --version} from the runnable jar's manifest ({@code Implementation-Version}).
 *
 * <p>Stateless; thread-safe.
 */
public final class VersionProvider implements IVersionProvider {

  /** Creates the provider; picocli calls this. */
  public VersionProvider() {
  }

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"carriers " + (version == null ? "(development build)" : version)};
  }
}
