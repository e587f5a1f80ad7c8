"""Russian and Uzbek language processing on the natasha stack."""
