fn main() -> std::process::ExitCode {
    integration_studio::cli::main()
}
