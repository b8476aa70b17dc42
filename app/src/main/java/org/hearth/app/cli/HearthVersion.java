package org.hearth.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development build" when run from classes. */
final class HearthVersion implements IVersionProvider {

    static String version() {
        String version = HearthVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Hearth " + version()};
    }
}
