package actors.grains;

import java.util.Objects;

/** Whom a grain reference reaches: its interface and its id. */
public record GrainId(Class<? extends Grain> type, String id) {

  public GrainId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return type.getName() + "/" + id;
  }
}
