package org.hearth.domain;

/** Which Hearth this is: the version every jar of the build carries in its manifest. */
public final class Release {

    private Release() {
    }

    /** "0.1.0"; "development build" when run from compiled classes rather than jars. */
    public static String version() {
        String version = Release.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
