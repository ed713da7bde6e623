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
}

TEST(RedactTest, HidesPasswordParametersInQueriesAndKeyValueText) {
  EXPECT_EQ(redactSecrets("postgresql://db/t?sslmode=disable&password=p@ss&x=1"),
            "postgresql://db/t?sslmode=disable&password=***&x=1");
  EXPECT_EQ(redactSecrets("postgresql://db/t?PASSWORD=abc"), "postgresql://db/t?PASSWORD=***");
  EXPECT_EQ(redactSecrets("host=db password='it\\'s here' user=ann"),
            "host=db password=*** user=ann");
  EXPECT_EQ(redactSecrets("sslpassword=k3y dbname=t"), "sslpassword=*** dbname=t");
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
