package io.github.churnkit.scoring.bundle;

/**
 * The bundle was written in a format major version this library cannot read (a newer one, or an
 * invalid one). The message says which version the file needs and which this library reads.
 */
public final class UnsupportedBundleVersionException extends BundleFormatException {

    private static final long serialVersionUID = 1L;

    private final int foundMajor;
    private final int foundMinor;

    UnsupportedBundleVersionException(String message, int foundMajor, int foundMinor) {
        super(message, null, 8L);
        this.foundMajor = foundMajor;
        this.foundMinor = foundMinor;
    }

    /** The major format version found in the file. */
    public int foundMajor() {
        return foundMajor;
    }

    /** The minor format version found in the file. */
    public int foundMinor() {
        return foundMinor;
    }
}
