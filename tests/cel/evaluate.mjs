// Reads {"expression": "...", "activations": [{...}, ...]} on stdin and prints, one per activation,
// true/false or {"error": "..."}: an error is what the API server would meet (and failurePolicy decide).
import { evaluate } from '@marcbachmann/cel-js'

let input = ''
for await (const chunk of process.stdin) input += chunk
const { expression, activations } = JSON.parse(input)
const results = activations.map(activation => {
  try {
    return evaluate(expression, activation)
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] }
  }
})
process.stdout.write(JSON.stringify(results))
