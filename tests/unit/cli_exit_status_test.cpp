// Exit codes of `dbmigrate`: DbMigrate's own errors by kind, anything else an internal fault.
#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <stdexcept>
#include <string>

#include "cli/exit_status.hpp"
#include "dbmigrate/error.hpp"

using namespace dbmigrate;

namespace {

struct Reported {
  int code;
  std::string printed;
};

Reported report(const std::exception& error) {
  ::testing::internal::CaptureStderr();
  const int code = cli::report_failure(error);
  return {code, ::testing::internal::GetCapturedStderr()};
}

TEST(ExitStatus, LogicError_IsAnInternalFaultToReport_NotBadInput) {
  const auto reported = report(std::logic_error("vector::_M_range_check: __n (which is 3)"));
  EXPECT_EQ(reported.code, 3);
  EXPECT_EQ(reported.printed.rfind(
                "ERROR: internal error: vector::_M_range_check: __n (which is 3); ", 0),
            0u)
      << reported.printed;
  EXPECT_NE(reported.printed.find("please report it"), std::string::npos) << reported.printed;
}

TEST(ExitStatus, BadAlloc_IsAnInternalFault) {
  EXPECT_EQ(report(std::bad_alloc()).code, 3);
}

TEST(ExitStatus, UnknownException_IsAnInternalFault) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(cli::report_unknown_failure(), 3);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("internal error"), std::string::npos);
}

TEST(ExitStatus, OwnErrors_KeepTheirCodes) {
  EXPECT_EQ(report(Error(ErrorKind::input, "bad file")).code, 2);
  EXPECT_EQ(report(Error(ErrorKind::usage, "bad option")).code, 2);
  EXPECT_EQ(report(Error(ErrorKind::check, "pending")).code, 1);
  EXPECT_EQ(report(DatabaseError(ErrorKind::database, "refused", 2067, "UNIQUE", "INSERT")).code,
            1);
  EXPECT_EQ(report(DatabaseError(ErrorKind::input, "disk full", 13, "full", "INSERT")).code, 2);
  const auto printed = report(Error(ErrorKind::input, "a.sql:3: bad"));
  EXPECT_EQ(printed.printed, "ERROR: a.sql:3: bad\n");
}

TEST(ExitStatus, PathTheSystemRefuses_StaysBadInput) {
  const std::filesystem::filesystem_error error("status", std::filesystem::path("/tmp/x"),
                                                std::make_error_code(std::errc::filename_too_long));
  EXPECT_EQ(report(error).code, 2);
}

}  // namespace
