// redactSecrets: every password a URL or a key=value text may hold is hidden, the rest kept.
#include "common/redact.h"

#include <gtest/gtest.h>

namespace tunebench {
namespace {

TEST(RedactTest, HidesTheUserInfoPasswordWhateverItHolds) {
  EXPECT_EQ(redactSecrets("postgresql://ann:secret@db:5432/t"), "postgresql://ann:***@db:5432/t");
  // '@' and ':' inside the password: up to the last '@' before the host.
  EXPECT_EQ(redactSecrets("postgresql://ann:s3cr@t:x@db/t"), "postgresql://ann:***@db/t");
  EXPECT_EQ(redactSecrets("postgres://ann:@db/t"), "postgres://ann:***@db/t");
  // Nothing to hide: kept as written.
  EXPECT_EQ(redactSecrets("postgresql://ann@db:5432/t"), "postgresql://ann@db:5432/t");
  EXPECT_EQ(redactSecrets("postgresql://db:5432/t?sslmode=require"),
            "postgresql://db:5432/t?sslmode=require");
  EXPECT_EQ(redactSecrets("/home/ann/study@2.db"), "/home/ann/study@2.db");
  // What libpq takes as a password runs to the '@' before the first '/': '#', '?', a space too.
  EXPECT_EQ(redactSecrets("postgresql://ann:pa#ss@db/tb"), "postgresql://ann:***@db/tb");
  EXPECT_EQ(redactSecrets("postgresql://ann:pa?ss@db/tb"), "postgresql://ann:***@db/tb");
  EXPECT_EQ(redactSecrets("postgresql://ann:p w@db/tb"), "postgresql://ann:***@db/tb");
}

TEST(RedactTest, HidesPasswordParametersInQueriesAndKeyValueText) {
  EXPECT_EQ(redactSecrets("postgresql://db/t?sslmode=disable&password=p@ss&x=1"),
            "postgresql://db/t?sslmode=disable&password=***&x=1");
  EXPECT_EQ(redactSecrets("postgresql://db/t?PASSWORD=abc"), "postgresql://db/t?PASSWORD=***");
  EXPECT_EQ(redactSecrets("host=db password='it\\'s here' user=ann"),
            "host=db password=*** user=ann");
  EXPECT_EQ(redactSecrets("sslpassword=k3y dbname=t"), "sslpassword=*** dbname=t");
  // In key=value text only a space ends a value ('#', '&' and '"' are the password's).
  EXPECT_EQ(redactSecrets("password=ab#cd host=db"), "password=*** host=db");
  EXPECT_EQ(redactSecrets("password=p&ss host=db"), "password=*** host=db");
  EXPECT_EQ(redactSecrets("password=\"s3cret\" host=db"), "password=*** host=db");
  // Inside a longer message, twice.
  EXPECT_EQ(redactSecrets("cannot reach postgresql://a:b@h/d (was postgresql://c:d@h/d)"),
            "cannot reach postgresql://a:***@h/d (was postgresql://c:***@h/d)");
  EXPECT_EQ(redactSecrets("lr=0.01 optimizer=adam"), "lr=0.01 optimizer=adam");
}

TEST(RedactTest, ShortenedKeepsShortTextAndCutsLongTextOnACharacter) {
  EXPECT_EQ(shortened("short", 10), "short");
  EXPECT_EQ(shortened(std::string(300, 'x'), 10), "xxxxxxxxxx... (300 bytes)");
  // "é" is two bytes: a cut inside it moves back before it.
  EXPECT_EQ(shortened("aaaaaaaaa\xC3\xA9zz", 10), "aaaaaaaaa... (13 bytes)");
}

}  // namespace
}  // namespace tunebench
