package dev.carriers.testing;

/** With {@link IsolationFirstIT}: each class sees only the rows it wrote. */
@CarriersDatabase(locations = "classpath:db/kit-test")
class IsolationSecondIT extends IsolationContract {

  @Override
  String owner() {
    return "Second";
  }
}
