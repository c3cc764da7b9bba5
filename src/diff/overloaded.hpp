// The usual visitor helper for std::visit over the operation variant.
#pragma once

namespace dbmigrate {

template <typename... Visitors>
struct overloaded : Visitors... {
  using Visitors::operator()...;
};
template <typename... Visitors>
overloaded(Visitors...) -> overloaded<Visitors...>;

}  // namespace dbmigrate
