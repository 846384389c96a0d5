"""Service-level clocks: durations, the work calendar and business-time arithmetic."""
