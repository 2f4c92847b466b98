//! Prints the guesses for one target from one known colleague, best first:
//! `cargo run --example guess_one -- "Celia Stangarone" cstangarone@risesmart.com "John Doe"`.

use follow_up::domain::finding::email_pattern::{guess, Known};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, address, target] = args.as_slice() else {
        eprintln!("usage: guess_one <colleague name> <colleague address> <target name>");
        std::process::exit(2);
    };
    match guess(&[Known { name: name.clone(), address: address.clone() }], target, None, &[]) {
        Ok(g) => {
            println!("{}", g.explanation);
            for x in g.guesses {
                println!("{:>5.1}%  {:<40} {}", x.confidence * 100.0, x.address, x.pattern);
            }
        }
        Err(e) => eprintln!("{e}"),
    }
}
