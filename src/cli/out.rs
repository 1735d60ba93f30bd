//! Standard output for the subcommands. `println!` panics when the reader has gone
//! (`integration-studio check big.ron | head -1`); a command line tool should end quietly
//! then, as `grep` and `cat` do.

use std::io::{self, Write};

/// The status a shell reports for a process that a closed pipe ended (128 + SIGPIPE).
const CLOSED_PIPE: i32 = 141;

/// Writes to standard output. When the reader has closed the pipe, nothing more can be
/// said to anyone, so the process ends at once and quietly.
pub(crate) fn write(args: std::fmt::Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(error) = stdout.write_fmt(args) {
        end_on_write_error(&error);
    }
}

/// Writes bytes (a picture, say) to standard output, ending as [`write`] does when the
/// reader has gone.
pub(crate) fn write_bytes(bytes: &[u8]) {
    let mut stdout = io::stdout().lock();
    if let Err(error) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        end_on_write_error(&error);
    }
}

fn end_on_write_error(error: &io::Error) -> ! {
    if error.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(CLOSED_PIPE);
    }
    // Standard error may still be open when standard output failed (a full disk, say).
    let _ = writeln!(
        io::stderr(),
        "error: could not write to standard output: {error}"
    );
    std::process::exit(i32::from(super::status::FAILED));
}

/// `print!` that ends quietly on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!($($arg)*)) };
}

/// `println!` that ends quietly on a closed pipe.
macro_rules! outln {
    () => { $crate::cli::out::write(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};
