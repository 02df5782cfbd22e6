package dev.carriers.seed.generate;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.seed.Dataset;
import dev.carriers.seed.Environment;
import dev.carriers.seed.SeedRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates carriers that look like US trucking companies ({@code Miller Trucking LLC},
 * {@code J&R Freight Lines Inc}, {@code Lone Star Express}), deterministically: the same count, seed
 * and key prefix give the same rows on every JVM ({@link SplittableRandom}'s sequence is specified).
 * About 7% have no MC number; statuses are about 84% active, 11% inactive, 5% out of service. MC
 * numbers are unique; names are unique while the word lists allow it.
 *
 * <p>The committed development dataset is regenerated with
 * <pre>{@code
 * ./mvnw -B -q -pl carriers-seed -am process-classes -Pregenerate-development-dataset
 * }</pre>
 * (properties {@code carriers.seed.dev.rows}, default 10000, and {@code carriers.seed.dev.version}).
 *
 * <p>Stateless and thread-safe.
 */
public final class CarrierGenerator {

  /** The seed the committed development dataset was generated with. */
  public static final long DEVELOPMENT_SEED = 20261125L;

  private static final String[] SURNAMES = {
    "Miller", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Davis", "Rodriguez", "Martinez", "Hernandez",
    "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
    "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
    "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
    "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Phillips",
    "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
    "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox",
    "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Hughes", "Price",
    "Myers", "Long", "Foster", "Sanders", "Ross", "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins",
    "Perry", "Butler", "Barnes", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds",
    "Hamilton", "Graham", "Kim", "Wallace", "Woods", "Cole", "West", "Owens", "Marshall", "Harrison",
    "Gibson", "McDonald", "Cruz", "Kowalski", "Schultz", "Olson", "Larson", "Hansen", "Yoder", "Schmidt"
  };

  private static final String[] PLACES = {
    "Lone Star", "Blue Ridge", "Great Lakes", "Rocky Mountain", "Gulf Coast", "Heartland", "Midwest",
    "Prairie", "Cascade", "Sierra", "Appalachian", "Ozark", "Badger State", "Keystone", "Golden State",
    "Tri-State", "Bluegrass", "Sunbelt", "Big Sky", "High Plains", "Red River", "Coastal", "Delta",
    "Pacific Northwest", "Desert", "Mesa", "Piedmont", "Tidewater", "Magnolia", "Buckeye", "Hoosier",
    "Empire", "Cornhusker", "Volunteer", "Palmetto", "Peach State", "Evergreen", "Frontier", "Liberty",
    "Patriot", "Eagle", "Falcon", "Mustang", "Thunderbird", "Iron Horse", "Silver Creek", "Cedar Valley",
    "Twin Rivers", "Pine Ridge", "Canyon", "Summit", "Crossroads", "Interstate", "Northstar", "Southern",
    "Atlantic", "Dixie", "Yellowstone", "Wolverine", "Hawkeye", "Sooner", "Cajun", "Alamo", "Rio Grande",
    "Chesapeake", "Shenandoah", "Mohawk", "Cumberland", "Sandhills", "Timberline", "Flatirons", "Bayou"
  };

  private static final String[] CITIES = {
    "Dallas", "Houston", "Laredo", "Memphis", "Atlanta", "Chicago", "Joliet", "Indianapolis", "Columbus",
    "Louisville", "Nashville", "Kansas City", "Omaha", "Des Moines", "Tulsa", "Oklahoma City", "Amarillo",
    "El Paso", "Phoenix", "Fresno", "Stockton", "Reno", "Salt Lake", "Boise", "Spokane", "Tacoma",
    "Portland", "Denver", "Billings", "Fargo", "Sioux Falls", "Green Bay", "Fort Wayne", "Toledo",
    "Harrisburg", "Allentown", "Scranton", "Charlotte", "Greensboro", "Savannah", "Jacksonville", "Mobile",
    "Shreveport", "Little Rock", "Springfield", "Peoria", "Davenport", "Wichita", "Lubbock", "Odessa"
  };

  private static final String[] TRADES = {
    "Trucking", "Transport", "Transportation", "Freight", "Freight Lines", "Logistics", "Express", "Carriers",
    "Hauling", "Motor Lines", "Freightways", "Cartage", "Haulers", "Distribution", "Transit", "Van Lines",
    "Tank Lines", "Refrigerated", "Flatbed", "Expedited"
  };

  private static final String[] SUFFIXES = {"LLC", "Inc", "Inc.", "Co", "Corp", "LLC", "Inc", "Ltd", "", ""};

  private static final String INITIALS = "ABCDEFGHJKLMNPRSTW";

  private CarrierGenerator() {
  }

  /**
   * Generates rows.
   *
   * @param count how many, 0 or more
   * @param seed the random seed
   * @param keyPrefix each row's key is the prefix and a zero-padded number, such as {@code dev-00042}
   * @return the rows, valid under the dataset rules
   */
  public static List<SeedRow> generate(int count, long seed, String keyPrefix) {
    if (count < 0) {
      throw new IllegalArgumentException("a count of " + count + " rows makes no sense");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int digits = Math.max(5, Integer.toString(count).length());
    int mcRange = Math.max(1_400_000, count * 3);
    Set<Integer> usedMc = new HashSet<>(count * 2);
    Set<String> usedNames = new HashSet<>(count * 2);
    List<SeedRow> rows = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String name = name(random);
      for (int attempt = 0; attempt < 8 && !usedNames.add(name); attempt++) {
        name = name(random);
      }
      String mcNumber = null;
      if (random.nextInt(100) >= 7) {
        int mc;
        do {
          mc = 100_000 + random.nextInt(mcRange);
        } while (!usedMc.add(mc));
        mcNumber = Integer.toString(mc);
      }
      int roll = random.nextInt(100);
      CarrierStatus status = roll < 84 ? CarrierStatus.ACTIVE
          : roll < 95 ? CarrierStatus.INACTIVE : CarrierStatus.OUT_OF_SERVICE;
      rows.add(new SeedRow(keyPrefix + String.format("%0" + digits + "d", i), name, mcNumber, status));
    }
    return rows;
  }

  private static String name(SplittableRandom random) {
    String trade = pick(random, TRADES);
    String base = switch (random.nextInt(9)) {
      case 0, 1, 2 -> pick(random, SURNAMES) + " " + trade;
      case 3 -> pick(random, SURNAMES) + " & Sons " + trade;
      case 4 -> pick(random, SURNAMES) + " Bros " + trade;
      case 5 -> initial(random) + "&" + initial(random) + " " + trade;
      case 6 -> pick(random, CITIES) + " " + trade;
      case 7 -> pick(random, SURNAMES) + "-" + pick(random, SURNAMES) + " " + trade;
      default -> pick(random, PLACES) + " " + trade;
    };
    String suffix = pick(random, SUFFIXES);
    return suffix.isEmpty() ? base : base + " " + suffix;
  }

  private static char initial(SplittableRandom random) {
    return INITIALS.charAt(random.nextInt(INITIALS.length()));
  }

  private static String pick(SplittableRandom random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  /**
   * Writes a generated development dataset.
   *
   * @param args the target directory, the row count (default 10000) and the version (default 1)
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: CarrierGenerator <directory> [rows] [version]");
      return;
    }
    Path directory = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int version = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Dataset dataset = Dataset.of(Environment.DEVELOPMENT, version, generate(rows, DEVELOPMENT_SEED, "dev-"));
    dataset.write(directory);
    System.out.println("wrote " + dataset + " to " + directory);
  }
}
