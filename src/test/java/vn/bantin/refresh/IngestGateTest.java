package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestGateTest {

  @Test
  void admitsUpToTheLimitAtOnce() {
    IngestGate gate = new IngestGate(2);

    assertThat(gate.enter().isComplete()).isTrue();
    assertThat(gate.enter().isComplete()).isTrue();
    Future<Void> third = gate.enter();

    assertThat(third.isComplete()).isFalse();
    assertThat(gate.waiting()).isEqualTo(1);
  }

  @Test
  void eachLeaveAdmitsTheOldestWaiter() {
    IngestGate gate = new IngestGate(1);
    gate.enter();
    List<Integer> admitted = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int n = i;
      gate.enter().onSuccess(v -> admitted.add(n));
    }

    gate.leave();
    assertThat(admitted).containsExactly(1);
    gate.leave();
    gate.leave();
    assertThat(admitted).containsExactly(1, 2, 3);
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void aLeaveWithNobodyWaitingFreesAPlace() {
    IngestGate gate = new IngestGate(1);
    gate.enter();
    gate.leave();

    assertThat(gate.enter().isComplete()).isTrue();
    assertThat(gate.enter().isComplete()).isFalse();
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {0, -1})
  void refusesALimitBelowOne(int limit) {
    assertThatThrownBy(() -> new IngestGate(limit)).isInstanceOf(IllegalArgumentException.class);
  }
}
