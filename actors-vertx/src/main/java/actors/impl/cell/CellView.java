package actors.impl.cell;

import actors.Actor;
import actors.ActorRef;
import actors.internal.ActorView;
import io.netty.channel.EventLoop;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;

import java.util.List;
import java.util.function.Predicate;

/**
 * An actor as a monitor reads it, from any thread: plain reads of what its own thread writes,
 * so a value may be a moment old, and nothing waits for the actor.
 */
final class CellView implements ActorView {

  private final ActorCell cell;

  CellView(ActorCell cell) {
    this.cell = cell;
  }

  @Override
  public ActorRef ref() {
    return cell.self;
  }

  @Override
  public String path() {
    return cell.path();
  }

  @Override
  public String name() {
    return Names.of(cell);
  }

  @Override
  public String actorClass() {
    Actor instance = cell.actor;
    Class<?> type = instance != null ? instance.getClass() : cell.props.actorClass();
    return type == null ? "" : type.getName();
  }

  @Override
  public String state() {
    if (cell.terminated) {
      return "stopped";
    }
    if (cell.terminating) {
      return "stopping";
    }
    RareState rare = cell.rare;
    if (rare != null && rare.recreateCause != null) {
      return "restarting";
    }
    return (rare != null && rare.failure != null) || cell.mailbox.isSuspended() ? "suspended" : "running";
  }

  @Override
  public int mailboxSize(int limit) {
    return cell.mailbox.sizeEstimate(limit);
  }

  @Override
  public int restartCount() {
    RareState rare = cell.rare;
    return rare == null ? 0 : rare.restartCount;
  }

  @Override
  public String dispatcher() {
    return cell.props.dispatcher();
  }

  @Override
  public String executor() {
    return switch (cell.context.threadingModel()) {
      case EVENT_LOOP -> "event loop " + loopIndex(cell.context.nettyEventLoop());
      case WORKER -> "worker";
      case VIRTUAL_THREAD -> "virtual thread";
      default -> "other";
    };
  }

  private int loopIndex(EventLoop loop) {
    int index = 0;
    for (var candidate : ((VertxInternal) cell.system.vertx()).nettyEventLoopGroup()) {
      if (candidate == loop) {
        return index;
      }
      index++;
    }
    return -1;
  }

  @Override
  public ChildPage children(int offset, int limit, Predicate<String> match) {
    Children children = cell.children;
    if (children == null) {
      return new ChildPage(0, List.of());
    }
    int[] total = new int[1];
    List<ActorCell> page = children.page(offset, limit, match, total);
    return new ChildPage(total[0], page.stream().<ActorView>map(CellView::new).toList());
  }

  @Override
  public int childCount() {
    Children children = cell.children;
    return children == null ? 0 : children.size();
  }

  @Override
  public void watchers(Promise<List<String>> answer) {
    cell.sendSystem(new SystemMessages.Inspect<>(answer, DeathWatch::watcherPaths));
  }
}
