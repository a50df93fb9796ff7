package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {

  @Test
  void theClassListKeepsEveryLineButTheLambdaProxies(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("bantin.jsa.classlist");
    Files.write(list, List.of("# NOTE: Do not modify this file.", "java/lang/Object id: 0",
        "vn/bantin/Main id: 1 super: 0 source: target/bantin.jar",
        "@lambda-proxy vn/bantin/Main run ()Ljava/lang/Runnable; ()V REF_invokeStatic",
        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder"));

    CdsArchive.withoutLambdaProxies(list);

    assertThat(Files.readAllLines(list)).containsExactly("# NOTE: Do not modify this file.",
        "java/lang/Object id: 0", "vn/bantin/Main id: 1 super: 0 source: target/bantin.jar",
        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder");
  }
}
