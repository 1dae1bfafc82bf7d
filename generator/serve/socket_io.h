// clerk serve: the socket work cpp-httplib leaves to us. The preview binds
// 127.0.0.1 itself (never another address, and the error says when the
// port is taken), and every read and write of a connection has a deadline,
// so a client that trickles bytes or never reads cannot hold it for ever.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace clerk::serve {

using Clock = std::chrono::steady_clock;

// A listening socket on 127.0.0.1:`port` (0: any free port), or -1 with
// the reason in `*error` (`*in_use` tells the port is taken).
int ListenLoopback(int port, std::string* error, bool* in_use);

// The port `fd` is bound to.
int BoundPort(int fd);

// Reads at most `size` bytes, waiting until `deadline` at the latest.
// Returns the count, 0 at the end of input, -1 on an error or when the
// deadline passed first.
ssize_t ReadBefore(int fd, char* buffer, std::size_t size, Clock::time_point deadline);

// Sends all of `bytes` before `deadline`. False when the client has gone or
// has not taken them in time.
bool SendBefore(int fd, std::string_view bytes, Clock::time_point deadline);

// True when `fd` has input (or its end) now.
bool ReadableNow(int fd);

// Sends each write at once (TCP_NODELAY). The library writes an answer's
// head and body apart; with Nagle's rule the body would wait for the
// client's delayed acknowledgement of the head, 40 ms on Linux, on every
// page, style sheet and script of a reload.
void SendWithoutDelay(int fd);

// True when `fd` can take bytes within `timeout`.
bool WritableWithin(int fd, std::chrono::milliseconds timeout);

// Ends our side of the connection, then reads and drops what the client
// still sends, for `linger` at most (or until `stopping`), so it can read
// the answer before the close: closing with input unread resets the
// connection, and the answer may be lost with it.
void Linger(int fd, std::chrono::milliseconds linger, const std::atomic<bool>& stopping);

// Answers 503 at once, without reading the request or waiting for a client
// that does not read, for a connection there is no room for.
void RefuseBusy(int fd);

}  // namespace clerk::serve
