/** The Luhn (mod 10) check used by NPIs and payment card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** A 10-digit NPI is valid when "80840" + the NPI passes the Luhn check. */
export function isValidNpi(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && passesLuhn(`80840${npi}`)
}
