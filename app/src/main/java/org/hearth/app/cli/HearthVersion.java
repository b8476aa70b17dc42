package org.hearth.app.cli;

import org.hearth.domain.Release;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version, as Settings shows it too. */
final class HearthVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Hearth " + Release.version()};
    }
}
