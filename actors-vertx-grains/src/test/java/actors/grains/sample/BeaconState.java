package actors.grains.sample;

/** What a beacon keeps. */
public record BeaconState(int activations) {
}
