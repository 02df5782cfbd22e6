package dev.carriers.testing;

/** With {@link IsolationSecondIT}: each class sees only the rows it wrote. */
@CarriersDatabase(locations = "classpath:db/kit-test")
class IsolationFirstIT extends IsolationContract {

  @Override
  String owner() {
    return "First";
  }
}
